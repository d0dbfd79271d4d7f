package dev.vigil.hub.am;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.alerting.am.AlertStatus;
import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.am.labels.MatchType;
import dev.vigil.alerting.am.labels.Matcher;
import dev.vigil.alerting.am.silence.Silence;
import dev.vigil.model.Labels;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * API v2's response objects in the order Alertmanager 0.25's generated models marshal their
 * fields (alphabetical within the embedded struct, embedding first): {@code GettableAlert},
 * {@code GettableSilence}, {@code Receiver}.
 */
final class AmJson {
    private AmJson() {
    }

    /** {@code GettableAlert}: annotations, endsAt, fingerprint, receivers, startsAt, status, updatedAt, generatorURL, labels. */
    static void alert(JsonGenerator g, AmAlert a, AlertStatus status, List<String> receivers) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("annotations");
        for (Map.Entry<String, String> e : a.annotations().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeStringField("endsAt", AmTime.format(a.endsAt()));
        g.writeStringField("fingerprint", a.fingerprintString());
        g.writeArrayFieldStart("receivers");
        for (String r : receivers) {
            receiver(g, r);
        }
        g.writeEndArray();
        g.writeStringField("startsAt", AmTime.format(a.startsAt()));
        g.writeObjectFieldStart("status");
        strings(g, "inhibitedBy", status.inhibitedBy());
        strings(g, "silencedBy", status.silencedBy());
        g.writeStringField("state", status.state());
        g.writeEndObject();
        g.writeStringField("updatedAt", AmTime.format(a.updatedAt()));
        if (!a.generatorURL().isEmpty()) {
            g.writeStringField("generatorURL", a.generatorURL());
        }
        labels(g, "labels", a.labels());
        g.writeEndObject();
    }

    /** {@code GettableSilence}: id, status, updatedAt, then the silence's comment, createdBy, endsAt, matchers, startsAt. */
    static void silence(JsonGenerator g, Silence s, Instant now) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", s.id());
        g.writeObjectFieldStart("status");
        g.writeStringField("state", s.state(now).toString());
        g.writeEndObject();
        g.writeStringField("updatedAt", AmTime.format(s.updatedAt()));
        g.writeStringField("comment", s.comment());
        g.writeStringField("createdBy", s.createdBy());
        g.writeStringField("endsAt", AmTime.format(s.endsAt()));
        g.writeArrayFieldStart("matchers");
        for (Matcher m : s.matchers().list()) {
            g.writeStartObject();
            g.writeBooleanField("isEqual", m.type() == MatchType.EQUAL || m.type() == MatchType.REGEXP);
            g.writeBooleanField("isRegex", m.type() == MatchType.REGEXP || m.type() == MatchType.NOT_REGEXP);
            g.writeStringField("name", m.name());
            g.writeStringField("value", m.value());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("startsAt", AmTime.format(s.startsAt()));
        g.writeEndObject();
    }

    static void receiver(JsonGenerator g, String name) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeEndObject();
    }

    /** A label set as a JSON object, names sorted (as Go marshals a map). */
    static void labels(JsonGenerator g, String field, Labels labels) throws IOException {
        g.writeObjectFieldStart(field);
        for (int i = 0; i < labels.size(); i++) {
            g.writeStringField(labels.name(i), labels.value(i));
        }
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
