package dev.vigil.hub.web;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.alerting.rules.Alert;
import dev.vigil.alerting.rules.AlertingRule;
import dev.vigil.alerting.rules.RecordingRule;
import dev.vigil.alerting.rules.Rule;
import dev.vigil.alerting.rules.RuleGroup;
import dev.vigil.model.GoFloats;
import dev.vigil.model.Labels;
import io.helidon.webserver.http.HttpRouting;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /api/v1/rules} (with {@code type=alert|record}) and {@code /api/v1/alerts} in Prometheus
 * 2.42's shapes: groups with interval, limit and evaluation timing; rules with health, last error
 * and, for alerting rules, their alerts (value in Go's {@code 'e'} form, {@code activeAt} RFC 3339).
 */
final class RulesApi {
    private final Supplier<List<RuleGroup>> groups;

    RulesApi(Supplier<List<RuleGroup>> groups) {
        this.groups = groups;
    }

    void routes(HttpRouting.Builder routing) {
        routing.get("/api/v1/rules", Json.handler(req -> {
            String type = req.value("type").toLowerCase(Locale.ROOT);
            if (!type.isEmpty() && !type.equals("alert") && !type.equals("record")) {
                throw ApiError.invalidParam("type", "not supported value \"" + type + "\"");
            }
            return Json.Answer.of(g -> rules(g, type));
        }));
        routing.get("/api/v1/alerts", Json.handler(req -> Json.Answer.of(this::alerts)));
    }

    private void rules(JsonGenerator g, String type) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("groups");
        for (RuleGroup group : groups.get()) {
            g.writeStartObject();
            g.writeStringField("name", group.name());
            g.writeStringField("file", group.file());
            g.writeArrayFieldStart("rules");
            for (Rule rule : group.rules()) {
                if (rule instanceof AlertingRule ar && !type.equals("record")) {
                    alertingRule(g, ar);
                } else if (rule instanceof RecordingRule rr && !type.equals("alert")) {
                    recordingRule(g, rr);
                }
            }
            g.writeEndArray();
            number(g, "interval", group.intervalMillis() / 1000.0);
            g.writeNumberField("limit", group.limit());
            number(g, "evaluationTime", group.evaluationSeconds());
            g.writeStringField("lastEvaluation", time(group.lastEvaluation()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void alertingRule(JsonGenerator g, AlertingRule r) throws IOException {
        g.writeStartObject();
        g.writeStringField("state", r.state().text());
        g.writeStringField("name", r.name());
        g.writeStringField("query", r.expr().print());
        number(g, "duration", r.holdMillis() / 1000.0);
        number(g, "keepFiringFor", r.keepFiringForMillis() / 1000.0);
        map(g, "labels", r.labels());
        map(g, "annotations", r.annotations());
        g.writeArrayFieldStart("alerts");
        for (Alert a : r.activeAlerts()) {
            alert(g, a);
        }
        g.writeEndArray();
        health(g, r);
        g.writeStringField("type", "alerting");
        g.writeEndObject();
    }

    private static void recordingRule(JsonGenerator g, RecordingRule r) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", r.name());
        g.writeStringField("query", r.expr().print());
        map(g, "labels", r.labels());
        health(g, r);
        g.writeStringField("type", "recording");
        g.writeEndObject();
    }

    private static void health(JsonGenerator g, Rule r) throws IOException {
        g.writeStringField("health", r.health());
        if (!r.lastError().isEmpty()) {
            g.writeStringField("lastError", r.lastError());
        }
        number(g, "evaluationTime", r.evaluationSeconds());
        g.writeStringField("lastEvaluation", time(r.lastEvaluation()));
    }

    private void alerts(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("alerts");
        for (RuleGroup group : groups.get()) {
            for (Rule rule : group.rules()) {
                if (rule instanceof AlertingRule ar) {
                    for (Alert a : ar.activeAlerts()) {
                        alert(g, a);
                    }
                }
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void alert(JsonGenerator g, Alert a) throws IOException {
        g.writeStartObject();
        labels(g, "labels", a.labels());
        map(g, "annotations", a.annotations());
        g.writeStringField("state", a.state().text());
        g.writeStringField("activeAt", Instant.ofEpochMilli(a.activeAt()).toString());
        g.writeStringField("value", GoFloats.formatE(a.value()));
        g.writeEndObject();
    }

    private static void labels(JsonGenerator g, String field, Labels labels) throws IOException {
        g.writeObjectFieldStart(field);
        for (int i = 0; i < labels.size(); i++) {
            g.writeStringField(labels.name(i), labels.value(i));
        }
        g.writeEndObject();
    }

    private static void map(JsonGenerator g, String field, Map<String, String> map) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(map).entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** A float as Go's encoding/json writes it: {@code 60}, {@code 0.5}, {@code 7.7705e-05}. */
    private static void number(JsonGenerator g, String field, double v) throws IOException {
        double abs = Math.abs(v);
        String text;
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            text = GoFloats.formatE(v).replaceFirst("e-0(\\d)$", "e-$1");
        } else {
            text = GoFloats.formatF(v);
        }
        g.writeFieldName(field);
        g.writeNumber(text);
    }

    /** RFC 3339 as Go prints a time.Time; the zero time when never evaluated. */
    private static String time(long millis) {
        return millis == 0 ? "0001-01-01T00:00:00Z" : Instant.ofEpochMilli(millis).toString();
    }
}
