package dev.vigil.hub;

import dev.vigil.exporter.log.Log;
import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.hub.config.ConfigLoader;
import dev.vigil.hub.config.HubConfig;
import dev.vigil.hub.discovery.DiscoveryManager;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Reloads the config file; a bad file is reported and the running config stays. */
final class Reloader {
    private static final Log LOG = Log.get(Reloader.class);

    private final String file;
    private final int hubPort;
    private final DiscoveryManager discovery;
    private volatile HubConfig current;
    private final List<Consumer<HubConfig>> others = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Function<HubConfig, String>> checks = new CopyOnWriteArrayList<>();

    Reloader(String file, int hubPort, DiscoveryManager discovery, HubConfig initial) {
        this.file = file;
        this.hubPort = hubPort;
        this.discovery = discovery;
        this.current = initial;
    }

    /** Reloads; returns null when the new config is running, else the reason it was refused. */
    synchronized String reload() {
        HubConfig next;
        try {
            next = file.isEmpty() ? ConfigLoader.defaults(hubPort) : ConfigLoader.load(Path.of(file));
        } catch (ConfigException e) {
            String reason = e.file() + ":" + e.line() + ": " + e.reason();
            LOG.error("Error reloading config; the running config stays", "file", e.file(), "line", e.line(),
                    "err", e.reason());
            return reason;
        }
        for (java.util.function.Function<HubConfig, String> check : checks) {
            String problem = check.apply(next);
            if (problem != null) {
                LOG.error("Error reloading config; the running config stays", "err", problem);
                return problem;
            }
        }
        current = next;
        discovery.apply(next);
        others.forEach(c -> c.accept(next));
        LOG.info("Completed loading of configuration file", "file", next.source());
        return null;
    }

    /**
     * Runs {@code check} on every config before it is applied; a non-null answer (the reason)
     * refuses the config, as a rule file that does not load refuses Prometheus' reload.
     */
    void alsoCheck(java.util.function.Function<HubConfig, String> check) {
        checks.add(check);
    }

    /** Also hands every reloaded config to {@code consumer} (after discovery). */
    void alsoApply(Consumer<HubConfig> consumer) {
        others.add(consumer);
    }

    HubConfig current() {
        return current;
    }
}
