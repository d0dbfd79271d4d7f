package dev.vigil.hub.notifier;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.alerting.rules.AlertSink;
import dev.vigil.model.Labels;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Alertmanager API v2's {@code PostableAlerts}: labels, annotations, startsAt, endsAt, generatorURL. */
final class AlertJson {
    private static final JsonFactory JSON = new JsonFactory();
    /** go-openapi's strfmt.DateTime: RFC 3339 with milliseconds. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.UTC);

    private AlertJson() {
    }

    /** One queued alert: what goes on the wire. */
    record Outgoing(Labels labels, Map<String, String> annotations, long startsAt, long endsAt, String generatorURL) {
        static Outgoing of(AlertSink.SentAlert a, Labels labels, String generatorURL) {
            return new Outgoing(labels, a.annotations(), a.startsAt(), a.endsAt(), generatorURL);
        }
    }

    static String write(List<Outgoing> alerts) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (Outgoing a : alerts) {
                g.writeStartObject();
                g.writeObjectFieldStart("labels");
                for (int i = 0; i < a.labels().size(); i++) {
                    g.writeStringField(a.labels().name(i), a.labels().value(i));
                }
                g.writeEndObject();
                g.writeObjectFieldStart("annotations");
                for (Map.Entry<String, String> e : new java.util.TreeMap<>(a.annotations()).entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                if (a.startsAt() != 0) {
                    g.writeStringField("startsAt", TIME.format(Instant.ofEpochMilli(a.startsAt())));
                }
                if (a.endsAt() != 0) {
                    g.writeStringField("endsAt", TIME.format(Instant.ofEpochMilli(a.endsAt())));
                }
                g.writeStringField("generatorURL", a.generatorURL());
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
