package dev.vigil.hub.web;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.storage.Tsdb;
import dev.vigil.storage.head.CardinalityStats;
import io.helidon.webserver.http.HttpRouting;
import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code /api/v1/status/*} ({@code config}, {@code flags}, {@code runtimeinfo}, {@code buildinfo},
 * {@code tsdb}) and {@code alertmanagers} (the targets alerts are sent to).
 */
final class StatusApi {
    private final Tsdb tsdb;
    private final ApiSettings.Build build;
    private final Map<String, String> flags;
    private final Supplier<String> configYaml;
    private final Supplier<ApiSettings.Runtime> runtime;

    private final Supplier<java.util.List<java.net.URI>> alertmanagers;

    StatusApi(Tsdb tsdb, ApiSettings.Build build, Map<String, String> flags, Supplier<String> configYaml,
            Supplier<ApiSettings.Runtime> runtime, Supplier<java.util.List<java.net.URI>> alertmanagers) {
        this.alertmanagers = alertmanagers;
        this.tsdb = tsdb;
        this.build = build;
        this.flags = new TreeMap<>(flags);
        this.configYaml = configYaml;
        this.runtime = runtime;
    }

    void routes(HttpRouting.Builder routing) {
        routing.get("/api/v1/status/config", Json.handler(req -> {
            String yaml = configYaml.get();
            return Json.Answer.of(g -> {
                g.writeStartObject();
                g.writeStringField("yaml", yaml);
                g.writeEndObject();
            });
        }));
        routing.get("/api/v1/status/flags", Json.handler(req -> Json.Answer.of(g -> {
            g.writeStartObject();
            for (Map.Entry<String, String> e : flags.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        })));
        routing.get("/api/v1/status/runtimeinfo", Json.handler(req -> Json.Answer.of(this::runtimeInfo)));
        routing.get("/api/v1/status/buildinfo", Json.handler(req -> Json.Answer.of(g -> {
            g.writeStartObject();
            g.writeStringField("version", build.version());
            g.writeStringField("revision", build.revision());
            g.writeStringField("branch", build.branch());
            g.writeStringField("buildUser", build.buildUser());
            g.writeStringField("buildDate", build.buildDate());
            // the field Grafana and promtool read is Go's; the hub names its runtime there
            g.writeStringField("goVersion", "java" + java.lang.Runtime.version().feature());
            g.writeEndObject();
        })));
        routing.get("/api/v1/status/tsdb", Json.handler(req -> Json.Answer.of(this::tsdbStatus)));
        routing.get("/api/v1/alertmanagers", Json.handler(req -> Json.Answer.of(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("activeAlertmanagers");
            for (java.net.URI url : alertmanagers.get()) {
                g.writeStartObject();
                g.writeStringField("url", url.toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("droppedAlertmanagers");
            g.writeEndArray();
            g.writeEndObject();
        })));
    }

    private void runtimeInfo(JsonGenerator g) throws IOException {
        ApiSettings.Runtime r = runtime.get();
        g.writeStartObject();
        g.writeStringField("startTime", DateTimeFormatter.ISO_INSTANT.format(r.startTime()));
        g.writeStringField("CWD", Path.of("").toAbsolutePath().toString());
        g.writeBooleanField("reloadConfigSuccess", r.reloadConfigSuccess());
        g.writeStringField("lastConfigTime", DateTimeFormatter.ISO_INSTANT.format(r.lastConfigTime()));
        g.writeNumberField("corruptionCount", 0);
        // Go's goroutines and GOMAXPROCS: the JVM's live threads and usable processors
        g.writeNumberField("goroutineCount", Thread.activeCount());
        g.writeNumberField("GOMAXPROCS", java.lang.Runtime.getRuntime().availableProcessors());
        g.writeStringField("GOGC", "");
        g.writeStringField("GODEBUG", "");
        g.writeStringField("storageRetention", r.storageRetention());
        g.writeEndObject();
    }

    private void tsdbStatus(JsonGenerator g) throws IOException {
        CardinalityStats stats = CardinalityStats.of(tsdb.head(), 10);
        g.writeStartObject();
        g.writeObjectFieldStart("headStats");
        g.writeNumberField("numSeries", stats.numSeries());
        g.writeNumberField("numLabelPairs", tsdb.head().postings().seriesCountByPair().size());
        g.writeNumberField("chunkCount", 0);
        g.writeNumberField("minTime", stats.minTime() == Long.MAX_VALUE ? 0 : stats.minTime());
        g.writeNumberField("maxTime", stats.maxTime() == Long.MIN_VALUE ? 0 : stats.maxTime());
        g.writeEndObject();
        entries(g, "seriesCountByMetricName", stats.seriesCountByMetricName());
        entries(g, "labelValueCountByLabelName", stats.labelValueCountByLabelName());
        entries(g, "memoryInBytesByLabelName", stats.memoryInBytesByLabelName());
        entries(g, "seriesCountByLabelValuePair", stats.seriesCountByLabelValuePair());
        g.writeEndObject();
    }

    private static void entries(JsonGenerator g, String field, List<CardinalityStats.Entry> entries) throws IOException {
        g.writeArrayFieldStart(field);
        for (CardinalityStats.Entry e : entries) {
            g.writeStartObject();
            g.writeStringField("name", e.name());
            g.writeNumberField("value", e.value());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
