package dev.vigil.hub.web;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.hub.scrape.ScrapeLoop;
import dev.vigil.hub.scrape.ScrapeManager;
import dev.vigil.hub.scrape.TargetMetadata;
import dev.vigil.model.Labels;
import dev.vigil.promql.parser.ParseException;
import dev.vigil.promql.parser.Parser;
import dev.vigil.storage.index.Matcher;
import io.helidon.webserver.http.HttpRouting;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code /api/v1/metadata} and {@code /api/v1/targets/metadata}: the HELP, TYPE and UNIT lines the
 * active targets exposed in their last successful scrape ({@link TargetMetadata}).
 */
final class MetadataApi {
    private final ScrapeManager scrapes;

    MetadataApi(ScrapeManager scrapes) {
        this.scrapes = scrapes;
    }

    void routes(HttpRouting.Builder routing) {
        routing.get("/api/v1/metadata", Json.handler(this::metadata));
        routing.get("/api/v1/targets/metadata", Json.handler(this::targetMetadata));
    }

    private static int limit(ApiRequest req) {
        String s = req.value("limit");
        if (s.isEmpty()) {
            return -1;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw ApiError.badData("limit must be a number");
        }
    }

    /** Metric name to its distinct metadata across targets; names sorted, as Go's JSON sorts map keys. */
    private Json.Answer metadata(ApiRequest req) {
        int limit = limit(req);
        String metric = req.value("metric");
        Map<String, Set<TargetMetadata.Entry>> metrics = new TreeMap<>();
        for (ScrapeLoop loop : scrapes.loops()) {
            Map<String, TargetMetadata.Entry> md = loop.metadata().current();
            if (metric.isEmpty()) {
                md.forEach((name, e) -> metrics.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(e));
            } else if (md.containsKey(metric)) {
                metrics.computeIfAbsent(metric, k -> new LinkedHashSet<>()).add(md.get(metric));
            }
        }
        return Json.Answer.of(g -> {
            g.writeStartObject();
            int n = 0;
            for (Map.Entry<String, Set<TargetMetadata.Entry>> e : metrics.entrySet()) {
                if (limit >= 0 && n++ >= limit) {
                    break;
                }
                g.writeArrayFieldStart(e.getKey());
                for (TargetMetadata.Entry m : e.getValue()) {
                    g.writeStartObject();
                    fields(g, m);
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        });
    }

    private record TargetEntry(Labels target, String metric, TargetMetadata.Entry entry) {
    }

    private Json.Answer targetMetadata(ApiRequest req) {
        int limit = limit(req);
        String matchTarget = req.value("match_target");
        List<Matcher> matchers = List.of();
        if (!matchTarget.isEmpty()) {
            try {
                matchers = Parser.parseMetricSelector(matchTarget);
            } catch (ParseException e) {
                throw ApiError.invalidParam("match_target", e.getMessage());
            }
        }
        String metric = req.value("metric");
        List<TargetEntry> out = new ArrayList<>();
        for (ScrapeLoop loop : scrapes.loops()) {
            // Prometheus checks the limit per target, so one target's list can pass it
            if (limit >= 0 && out.size() >= limit) {
                break;
            }
            Labels labels = loop.target().labels();
            if (!matches(labels, matchers)) {
                continue;
            }
            Map<String, TargetMetadata.Entry> md = loop.metadata().current();
            if (metric.isEmpty()) {
                md.forEach((name, e) -> out.add(new TargetEntry(labels, name, e)));
            } else if (md.containsKey(metric)) {
                out.add(new TargetEntry(labels, "", md.get(metric)));
            }
        }
        return Json.Answer.of(g -> {
            g.writeStartArray();
            for (TargetEntry t : out) {
                g.writeStartObject();
                ValueJson.labels(g, "target", t.target());
                if (!t.metric().isEmpty()) {
                    g.writeStringField("metric", t.metric());
                }
                fields(g, t.entry());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    private static boolean matches(Labels labels, List<Matcher> matchers) {
        for (Matcher m : matchers) {
            String v = labels.get(m.name());
            if (!m.matches(v == null ? "" : v)) {
                return false;
            }
        }
        return true;
    }

    private static void fields(JsonGenerator g, TargetMetadata.Entry m) throws IOException {
        g.writeStringField("type", m.type());
        g.writeStringField("help", m.help());
        g.writeStringField("unit", m.unit());
    }
}
