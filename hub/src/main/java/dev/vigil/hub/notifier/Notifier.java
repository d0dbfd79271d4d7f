package dev.vigil.hub.notifier;

import dev.vigil.alerting.rules.AlertSink;
import dev.vigil.exporter.log.Log;
import dev.vigil.hub.config.AlertingConfig;
import dev.vigil.hub.config.Credentials;
import dev.vigil.hub.config.HubConfig;
import dev.vigil.hub.config.ScrapeTls;
import dev.vigil.hub.relabel.Relabeler;
import dev.vigil.model.Labels;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prometheus 2.42's notifier: each alert gets the external labels it lacks and the
 * {@code alert_relabel_configs}; a queue of 10,000 (the oldest dropped when full, counted) feeds one
 * sender that POSTs batches of up to 64 alerts to every configured Alertmanager's
 * {@code /api/v2/alerts}, each with its timeout and credentials. A failed send is logged and
 * counted; the next evaluation re-sends firing alerts anyway, as in Prometheus.
 */
public final class Notifier implements AlertSink, AutoCloseable {
    private static final Log LOG = Log.get(Notifier.class);
    static final int CAPACITY = 10_000;
    static final int MAX_BATCH = 64;

    private final String userAgent;
    private final ArrayDeque<AlertJson.Outgoing> queue = new ArrayDeque<>();
    private volatile Setup setup = new Setup(Labels.EMPTY, AlertingConfig.NONE, List.of());
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread sender;

    /** One Alertmanager: where, how long to wait, with which client and credentials. */
    record Target(URI url, AlertingConfig.Alertmanagers config, HttpClient client) {
    }

    private record Setup(Labels externalLabels, AlertingConfig config, List<Target> targets) {
    }

    public Notifier(String version) {
        this.userAgent = "vigil-hub/" + version;
        this.sender = Thread.ofVirtual().name("notifier").start(this::sendLoop);
    }

    /** Takes the config's external labels, relabeling and Alertmanagers. */
    public void apply(HubConfig config) {
        List<Target> targets = new ArrayList<>();
        for (AlertingConfig.Alertmanagers am : config.alerting().alertmanagers()) {
            HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(am.timeout());
            if (am.scheme().equals("https")) {
                try {
                    b.sslContext(ScrapeTls.context(am.http().tls()));
                } catch (IOException | GeneralSecurityException e) {
                    LOG.error("Cannot set up TLS for Alertmanagers; they are left out", "err", e.getMessage());
                    continue;
                }
            }
            HttpClient client = b.build();
            for (String target : am.targets()) {
                targets.add(new Target(am.alertsUrl(target), am, client));
            }
        }
        setup = new Setup(config.global().externalLabels(), config.alerting(), List.copyOf(targets));
    }

    /** The alerts endpoints alerts go to, for {@code /api/v1/alertmanagers}. */
    public List<URI> alertmanagers() {
        return setup.targets().stream().map(Target::url).toList();
    }

    public long sentCount() {
        return sent.get();
    }

    public long errorCount() {
        return errors.get();
    }

    public long droppedCount() {
        return dropped.get();
    }

    @Override
    public void send(String generatorURL, List<SentAlert> alerts) {
        Setup s = setup;
        if (s.targets().isEmpty()) {
            return;
        }
        List<AlertJson.Outgoing> out = new ArrayList<>(alerts.size());
        for (SentAlert a : alerts) {
            Labels labels = outgoing(a.labels(), s.externalLabels(), s.config());
            if (labels == null) {
                continue;
            }
            out.add(AlertJson.Outgoing.of(a, labels, generatorURL));
        }
        synchronized (queue) {
            for (AlertJson.Outgoing o : out) {
                if (queue.size() >= CAPACITY) {
                    queue.pollFirst();
                    dropped.incrementAndGet();
                }
                queue.addLast(o);
            }
            queue.notifyAll();
        }
    }

    /**
     * An alert's labels as they leave the hub: the external labels it lacks added, then
     * {@code alert_relabel_configs}; null when relabeling drops it (or leaves no label).
     */
    static Labels outgoing(Labels alert, Labels external, AlertingConfig config) {
        Labels.Builder b = alert.toBuilder();
        for (int i = 0; i < external.size(); i++) {
            if (!alert.has(external.name(i))) {
                b.set(external.name(i), external.value(i));
            }
        }
        Labels labels = Relabeler.apply(b.build(), config.alertRelabelConfigs());
        return labels == null || labels.isEmpty() ? null : labels;
    }

    private void sendLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            List<AlertJson.Outgoing> batch = new ArrayList<>(MAX_BATCH);
            synchronized (queue) {
                while (queue.isEmpty()) {
                    try {
                        queue.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
                    batch.add(queue.pollFirst());
                }
            }
            String body = AlertJson.write(batch);
            for (Target t : setup.targets()) {
                post(t, body, batch.size());
            }
        }
    }

    private void post(Target t, String body, int count) {
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(t.url()).timeout(t.config().timeout())
                    .header("Content-Type", "application/json").header("User-Agent", userAgent)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            String authorization = Credentials.authorization(t.config().http());
            if (authorization != null) {
                req.header("Authorization", authorization);
            }
            HttpResponse<String> res = t.client().send(req.build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() / 100 != 2) {
                throw new IOException("bad response status " + res.statusCode() + " " + dev.vigil.hub.scrape.HttpStatus.text(res.statusCode()));
            }
            sent.addAndGet(count);
        } catch (IOException e) {
            errors.addAndGet(count);
            LOG.error("Error sending alert", "alertmanager", t.url().toString(), "count", count, "err",
                    String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        sender.interrupt();
    }
}
