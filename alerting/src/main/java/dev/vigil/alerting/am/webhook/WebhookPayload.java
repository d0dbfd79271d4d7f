package dev.vigil.alerting.am.webhook;

import dev.vigil.alerting.am.notify.TemplateData;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Alertmanager's webhook message, version 4: {@code template.Data} plus {@code version},
 * {@code groupKey} and {@code truncatedAlerts}, written as Go's encoding/json writes it (struct
 * fields in declaration order, map keys sorted by bytes, {@code <>&} and U+2028/9 escaped,
 * times in RFC 3339 with nanoseconds, a trailing newline).
 */
public final class WebhookPayload {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private WebhookPayload() {
    }

    public static String json(TemplateData data, String groupKey, long truncatedAlerts) {
        StringBuilder out = new StringBuilder(512);
        out.append("{\"receiver\":");
        string(out, data.receiver());
        out.append(",\"status\":");
        string(out, data.status());
        out.append(",\"alerts\":[");
        boolean first = true;
        for (TemplateData.Alert a : data.alerts()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append("{\"status\":");
            string(out, a.status());
            out.append(",\"labels\":");
            map(out, a.labels());
            out.append(",\"annotations\":");
            map(out, a.annotations());
            out.append(",\"startsAt\":\"").append(rfc3339Nano(a.startsAt().instant())).append('"');
            out.append(",\"endsAt\":\"").append(rfc3339Nano(a.endsAt().instant())).append('"');
            out.append(",\"generatorURL\":");
            string(out, a.generatorURL());
            out.append(",\"fingerprint\":");
            string(out, a.fingerprint());
            out.append('}');
        }
        out.append("],\"groupLabels\":");
        map(out, data.groupLabels());
        out.append(",\"commonLabels\":");
        map(out, data.commonLabels());
        out.append(",\"commonAnnotations\":");
        map(out, data.commonAnnotations());
        out.append(",\"externalURL\":");
        string(out, data.externalURL());
        out.append(",\"version\":\"4\",\"groupKey\":");
        string(out, groupKey);
        out.append(",\"truncatedAlerts\":").append(Long.toUnsignedString(truncatedAlerts));
        return out.append("}\n").toString();
    }

    /** Go's {@code time.RFC3339Nano} in UTC: fraction without trailing zeros, "Z". */
    public static String rfc3339Nano(Instant t) {
        StringBuilder out = new StringBuilder(SECONDS.format(t));
        int nano = t.getNano();
        if (nano != 0) {
            String frac = String.format("%09d", nano);
            int end = frac.length();
            while (frac.charAt(end - 1) == '0') {
                end--;
            }
            out.append('.').append(frac, 0, end);
        }
        return out.append('Z').toString();
    }

    /** A Go map[string]string: keys in byte order (code point order is the same as UTF-8 byte order). */
    private static void map(StringBuilder out, Map<String, String> m) {
        List<String> keys = new ArrayList<>(m.keySet());
        keys.sort(WebhookPayload::compareCodePoints);
        out.append('{');
        boolean first = true;
        for (String k : keys) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, k);
            out.append(':');
            string(out, m.get(k));
        }
        out.append('}');
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** encoding/json's string escaping with HTML escaping on (Go 1.19/1.20, as Alertmanager 0.25 was built). */
    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> hex(out, c);
                default -> {
                    if (c < 0x20) {
                        hex(out, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append("\\ufffd"); // Go replaces invalid UTF-8 so
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void hex(StringBuilder out, char c) {
        out.append("\\u").append(String.format("%04x", (int) c));
    }
}
