package dev.vigil.hub.web;

import dev.vigil.model.Labels;
import dev.vigil.model.MetricNames;
import dev.vigil.promql.engine.Queryable;
import dev.vigil.promql.parser.ParseException;
import dev.vigil.storage.Querier;
import dev.vigil.storage.Series;
import dev.vigil.storage.index.Matcher;
import io.helidon.webserver.http.HttpRouting;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code /api/v1/series}, {@code /api/v1/labels} and {@code /api/v1/label/<name>/values}: straight
 * from the storage's querier over {@code [start, end]} (open by default), several {@code match[]}
 * selectors answered as their union.
 */
final class SeriesApi {
    private final Queryable storage;

    SeriesApi(Queryable storage) {
        this.storage = storage;
    }

    void routes(HttpRouting.Builder routing) {
        routing.get("/api/v1/series", Json.handler(this::series));
        routing.post("/api/v1/series", Json.handler(this::series));
        // Prometheus 2.42 answers DELETE /series with this very error (deletion is the admin API's).
        routing.delete("/api/v1/series", Json.handler(req -> {
            throw ApiError.internal("not implemented");
        }));
        routing.get("/api/v1/labels", Json.handler(this::labels));
        routing.post("/api/v1/labels", Json.handler(this::labels));
        routing.get("/api/v1/label/{name}/values", Json.handler(this::labelValues));
    }

    private Json.Answer series(ApiRequest req) {
        List<String> selectors = req.values("match[]");
        if (selectors.isEmpty()) {
            throw ApiError.badData("no match[] parameter provided");
        }
        long start = ApiParams.time(req, "start", ApiParams.MIN_TIME);
        long end = ApiParams.time(req, "end", ApiParams.MAX_TIME);
        List<List<Matcher>> sets;
        try {
            sets = ApiParams.matcherSets(selectors);
        } catch (ParseException | IllegalArgumentException e) {
            throw ApiError.invalidParam("match[]", e.getMessage());
        }
        TreeSet<Labels> found = new TreeSet<>();
        try (Querier q = storage.querier(start, end)) {
            for (List<Matcher> set : sets) {
                for (Series s : q.select(set)) {
                    found.add(s.labels());
                }
            }
        }
        return Json.Answer.of(g -> {
            g.writeStartArray();
            for (Labels l : found) {
                ValueJson.labelObject(g, l);
            }
            g.writeEndArray();
        });
    }

    private Json.Answer labels(ApiRequest req) {
        long start = ApiParams.time(req, "start", ApiParams.MIN_TIME);
        long end = ApiParams.time(req, "end", ApiParams.MAX_TIME);
        List<List<Matcher>> sets = matchers(req);
        TreeSet<String> names = new TreeSet<>();
        try (Querier q = storage.querier(start, end)) {
            if (sets.isEmpty()) {
                names.addAll(q.labelNames(List.of()));
            }
            for (List<Matcher> set : sets) {
                names.addAll(q.labelNames(set));
            }
        }
        return strings(names);
    }

    private Json.Answer labelValues(ApiRequest req) {
        String name = req.pathParam("name").orElse("");
        if (!MetricNames.isValidLabelName(name)) {
            throw ApiError.badData("invalid label name: " + goQuote(name));
        }
        long start = ApiParams.time(req, "start", ApiParams.MIN_TIME);
        long end = ApiParams.time(req, "end", ApiParams.MAX_TIME);
        List<List<Matcher>> sets = matchers(req);
        TreeSet<String> values = new TreeSet<>();
        try (Querier q = storage.querier(start, end)) {
            if (sets.isEmpty()) {
                values.addAll(q.labelValues(name, List.of()));
            }
            for (List<Matcher> set : sets) {
                values.addAll(q.labelValues(name, set));
            }
        }
        return strings(values);
    }

    /** Optional {@code match[]}: a bad one is bad_data with the parser's message, unwrapped. */
    private static List<List<Matcher>> matchers(ApiRequest req) {
        try {
            return ApiParams.matcherSets(req.values("match[]"));
        } catch (ParseException | IllegalArgumentException e) {
            throw ApiError.badData(e.getMessage());
        }
    }

    private static Json.Answer strings(Iterable<String> values) {
        List<String> copy = new ArrayList<>();
        values.forEach(copy::add);
        return Json.Answer.of(g -> {
            g.writeStartArray();
            for (String v : copy) {
                g.writeString(v);
            }
            g.writeEndArray();
        });
    }

    /** Go's {@code %q} for the simple cases a label name can hold. */
    static String goQuote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
