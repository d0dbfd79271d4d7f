package dev.vigil.hub.ui;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.alerting.am.Alertmanager;
import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.rules.Alert;
import dev.vigil.alerting.rules.AlertingRule;
import dev.vigil.alerting.rules.Rule;
import dev.vigil.alerting.rules.RuleGroup;
import dev.vigil.hub.scrape.ScrapeLoop;
import dev.vigil.hub.scrape.TargetMetadata;
import dev.vigil.hub.web.Json;
import io.helidon.webserver.http.HttpRouting;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * {@code GET /api/vigil/v1/overview}: the fleet's health in one cheap answer for the landing
 * page, read from memory (no query): targets up, down and unknown in all and per job; rule alerts
 * firing and pending; Alertmanager alerts active and suppressed; head series, samples appended
 * and the ingest rate; and the hosts (each target's {@code instance}, with its job, health, scrape
 * interval and whether it exposes node_exporter's metrics).
 *
 * <p>The ingest rate is the appended-samples counter's increase over about the last minute: this
 * object keeps the counter's value at each call (and at its creation, so the first call gives
 * the average since the hub started).
 */
final class OverviewApi {
    /** The window the ingest rate is averaged over. */
    static final long RATE_WINDOW_NANOS = 60_000_000_000L;
    private static final int MAX_MARKS = 1024;

    private final UiFacts facts;
    private final LongSupplier nanoTime;
    /** (nanoTime, samples appended) pairs, oldest first; the first is at or before the window's start. */
    private final ArrayDeque<long[]> marks = new ArrayDeque<>();

    OverviewApi(UiFacts facts) {
        this(facts, System::nanoTime);
    }

    OverviewApi(UiFacts facts, LongSupplier nanoTime) {
        this.facts = facts;
        this.nanoTime = nanoTime;
        marks.add(new long[] {nanoTime.getAsLong(), facts.tsdb().head().samplesAppended()});
    }

    void routes(HttpRouting.Builder routing) {
        routing.get(VigilApi.PREFIX + "overview", (req, res) -> Json.success(res, this::write));
    }

    /** Target counts by health. */
    static final class Counts {
        int up;
        int down;
        int unknown;

        void add(String health) {
            switch (health) {
                case "up" -> up++;
                case "down" -> down++;
                default -> unknown++;
            }
        }

        int total() {
            return up + down + unknown;
        }

        void write(JsonGenerator g) throws IOException {
            g.writeNumberField("total", total());
            g.writeNumberField("up", up);
            g.writeNumberField("down", down);
            g.writeNumberField("unknown", unknown);
        }
    }

    /**
     * One host: an instance, the job of its target (a node_exporter's when it has several), its
     * health, whether it is a node_exporter and its scrape interval.
     */
    record Host(String instance, String job, String health, boolean node, double intervalSeconds) {
    }

    void write(JsonGenerator g) throws IOException {
        Counts all = new Counts();
        Map<String, Counts> jobs = new TreeMap<>();
        Map<String, Host> hosts = new LinkedHashMap<>();
        for (ScrapeLoop loop : facts.scrapes().loops()) {
            String job = loop.target().config().jobName();
            String health = loop.health().health();
            all.add(health);
            jobs.computeIfAbsent(job, k -> new Counts()).add(health);
            String instance = loop.target().labels().get("instance");
            if (!instance.isEmpty()) {
                boolean node = exposesNodeExporter(loop.metadata());
                hosts.merge(instance, new Host(instance, job, health, node,
                        loop.target().interval().toMillis() / 1000.0), (a, b) -> a.node() || !b.node() ? a : b);
            }
        }
        g.writeStartObject();
        g.writeObjectFieldStart("targets");
        all.write(g);
        g.writeEndObject();
        g.writeArrayFieldStart("jobs");
        for (Map.Entry<String, Counts> job : jobs.entrySet()) {
            g.writeStartObject();
            g.writeStringField("job", job.getKey());
            job.getValue().write(g);
            g.writeEndObject();
        }
        g.writeEndArray();
        writeRules(g);
        writeAlertmanager(g);
        writeTsdb(g);
        List<Host> sorted = new ArrayList<>(hosts.values());
        sorted.sort(Comparator.comparing((Host h) -> !h.node()).thenComparing(Host::instance));
        g.writeArrayFieldStart("hosts");
        for (Host h : sorted) {
            g.writeStartObject();
            g.writeStringField("instance", h.instance());
            g.writeStringField("job", h.job());
            g.writeStringField("health", h.health());
            g.writeBooleanField("node", h.node());
            g.writeNumberField("scrapeIntervalSeconds", h.intervalSeconds());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Whether the target's last good scrape had node_exporter's CPU counter (text or OpenMetrics name). */
    static boolean exposesNodeExporter(TargetMetadata metadata) {
        Map<String, TargetMetadata.Entry> families = metadata.current();
        return families.containsKey("node_cpu_seconds_total") || families.containsKey("node_cpu_seconds");
    }

    private void writeRules(JsonGenerator g) throws IOException {
        int firing = 0;
        int pending = 0;
        for (RuleGroup group : facts.rules().get()) {
            for (Rule rule : group.rules()) {
                if (rule instanceof AlertingRule ar) {
                    for (Alert a : ar.activeAlerts()) {
                        if (a.state() == Alert.State.FIRING) {
                            firing++;
                        } else if (a.state() == Alert.State.PENDING) {
                            pending++;
                        }
                    }
                }
            }
        }
        g.writeObjectFieldStart("rules");
        g.writeNumberField("firing", firing);
        g.writeNumberField("pending", pending);
        g.writeEndObject();
    }

    private void writeAlertmanager(JsonGenerator g) throws IOException {
        int active = 0;
        int suppressed = 0;
        Alertmanager am = facts.alertmanager() == null ? null : facts.alertmanager().alertmanager();
        if (am != null) {
            Instant now = am.scheduler().now();
            for (AmAlert a : am.alerts().list()) {
                if (a.resolvedAt(now)) {
                    continue;
                }
                if (am.status(a.labels()).state().equals("suppressed")) {
                    suppressed++;
                } else {
                    active++;
                }
            }
        }
        g.writeObjectFieldStart("alertmanager");
        g.writeNumberField("active", active);
        g.writeNumberField("suppressed", suppressed);
        g.writeEndObject();
    }

    private void writeTsdb(JsonGenerator g) throws IOException {
        long appended = facts.tsdb().head().samplesAppended();
        long now = nanoTime.getAsLong();
        double[] rate = ingestRate(now, appended);
        g.writeObjectFieldStart("tsdb");
        g.writeNumberField("headSeries", facts.tsdb().head().numSeries());
        g.writeNumberField("samplesAppended", appended);
        if (Double.isNaN(rate[0])) {
            g.writeNullField("ingestRate");
        } else {
            g.writeNumberField("ingestRate", rate[0]);
        }
        g.writeNumberField("ingestWindowSeconds", rate[1]);
        g.writeEndObject();
    }

    /**
     * Records the counter's value now and answers {rate per second, seconds it spans} over the
     * last {@link #RATE_WINDOW_NANOS} (or since the oldest mark, when younger); NaN under a second.
     */
    synchronized double[] ingestRate(long now, long appended) {
        marks.add(new long[] {now, appended});
        while (marks.size() > 2) {
            long[] oldest = marks.removeFirst();
            if (marks.peekFirst()[0] > now - RATE_WINDOW_NANOS && marks.size() < MAX_MARKS) {
                marks.addFirst(oldest);
                break;
            }
        }
        long[] first = marks.peekFirst();
        double seconds = (now - first[0]) / 1e9;
        if (seconds < 1) {
            return new double[] {Double.NaN, seconds};
        }
        return new double[] {Math.max(0, appended - first[1]) / seconds, seconds};
    }
}
