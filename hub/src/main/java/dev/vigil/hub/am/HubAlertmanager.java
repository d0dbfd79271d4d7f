package dev.vigil.hub.am;

import dev.vigil.alerting.am.Alertmanager;
import dev.vigil.alerting.am.IntegrationFactory;
import dev.vigil.alerting.am.clock.SystemScheduler;
import dev.vigil.alerting.am.config.AlertmanagerConfig;
import dev.vigil.alerting.am.config.ConfigLoader;
import dev.vigil.alerting.am.notify.Backoff;
import dev.vigil.exporter.log.Log;
import dev.vigil.exporter.yaml.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The hub's built-in Alertmanager: its config file (or, when the default file is absent, an
 * embedded config with one receiver "default" and no integrations), its data directory
 * (silences and notification log) and reloads. {@link #check} loads the file and builds its
 * receivers' integrations; {@link #apply} then swaps it in; a file that does not load leaves the
 * running config in place.
 */
public final class HubAlertmanager implements AutoCloseable {
    private static final Log LOG = Log.get(HubAlertmanager.class);
    /** Where the hub looks for alertmanager.yml unless told otherwise. */
    public static final String DEFAULT_CONFIG_FILE = "/etc/vigil/alertmanager.yml";
    /** Used when the default file is absent: everything goes to receiver "default", which sends nowhere. */
    static final String EMBEDDED = """
            route:
              receiver: default
              group_by: ['alertname']
            receivers:
              - name: default
            """;
    static final String EMBEDDED_NAME = "(embedded defaults)";

    private final String file;
    private final boolean required;
    private final IntegrationFactory integrations;
    private final SystemScheduler scheduler;
    private final Alertmanager am;
    private final Instant started = Instant.now();
    private volatile String configText;
    private volatile String source;
    private Prepared prepared;

    private record Prepared(AlertmanagerConfig config, String text, String source) {
    }

    private HubAlertmanager(String file, boolean required, IntegrationFactory integrations, SystemScheduler scheduler,
            Alertmanager am, Prepared first) {
        this.file = file;
        this.required = required;
        this.integrations = integrations;
        this.scheduler = scheduler;
        this.am = am;
        this.configText = first.text();
        this.source = first.source();
    }

    /**
     * Loads the config and opens the state under {@code dataDir}.
     *
     * @param required whether the file was named explicitly: then it must exist; otherwise an
     *     absent file means the embedded config
     * @throws ConfigException when the file does not load (file, line, reason)
     * @throws IOException when the data directory cannot be used
     */
    public static HubAlertmanager start(String file, boolean required, Path dataDir, String externalURL)
            throws ConfigException, IOException {
        IntegrationFactory integrations = AmIntegrations.forHub(externalURL);
        Prepared first = load(file, required);
        integrations.build(first.config());
        Files.createDirectories(dataDir);
        SystemScheduler scheduler = new SystemScheduler("alertmanager");
        try {
            Alertmanager am = Alertmanager.start(first.config(), dataDir, scheduler, integrations, externalURL,
                    Backoff::alertmanager);
            return new HubAlertmanager(file, required, integrations, scheduler, am, first);
        } catch (IOException | ConfigException | RuntimeException e) {
            scheduler.close();
            throw e;
        }
    }

    private static Prepared load(String file, boolean required) throws ConfigException {
        Path path = Path.of(file);
        if (!required && !Files.exists(path)) {
            return new Prepared(ConfigLoader.parse(EMBEDDED_NAME, EMBEDDED, null), EMBEDDED, EMBEDDED_NAME);
        }
        AlertmanagerConfig config = ConfigLoader.load(path);
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new ConfigException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        return new Prepared(config, text, file);
    }

    /**
     * Loads the config file for a reload; returns null when it loads (then {@link #apply} swaps
     * it in), else why not ({@code file:line: reason}).
     */
    public synchronized String check() {
        try {
            Prepared next = load(file, required);
            integrations.build(next.config());
            prepared = next;
            return null;
        } catch (ConfigException e) {
            prepared = null;
            String where = e.line() > 0 ? e.file() + ":" + e.line() : e.file();
            return "alertmanager config: " + where + ": " + e.reason();
        }
    }

    /** Runs the config {@link #check} loaded last; keeps the running one if it fails now. */
    public synchronized void apply() {
        Prepared next = prepared;
        prepared = null;
        if (next == null) {
            return;
        }
        try {
            am.apply(next.config());
            configText = next.text();
            source = next.source();
            LOG.info("Completed loading of Alertmanager configuration file", "file", next.source());
        } catch (ConfigException e) {
            LOG.error("Loading Alertmanager configuration failed; the running config stays", "file", e.file(),
                    "line", e.line(), "err", e.reason());
        }
    }

    public Alertmanager alertmanager() {
        return am;
    }

    /** The file the running config came from, or {@code (embedded defaults)}. */
    public String source() {
        return source;
    }

    /** The running config's text, secrets redacted, for {@code /api/v2/status}. */
    public String configOriginal() {
        return AmConfigText.redacted(configText);
    }

    public Instant started() {
        return started;
    }

    @Override
    public void close() {
        am.close();
        scheduler.close();
    }
}
