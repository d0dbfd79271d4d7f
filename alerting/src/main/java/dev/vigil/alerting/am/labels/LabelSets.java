package dev.vigil.alerting.am.labels;

import dev.vigil.model.Labels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Alertmanager's identity of a label set (prometheus/common {@code model.LabelSet}): the
 * fingerprint, FNV-1a 64 over the sorted names and values each followed by the byte 0xff, and the
 * printed form {@code {a="1", b="2"}} that group keys embed.
 */
public final class LabelSets {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final byte SEPARATOR = (byte) 0xff;

    private LabelSets() {
    }

    /** {@code LabelSet.Fingerprint()}; {@link Labels} are already sorted by name. */
    public static long fingerprint(Labels labels) {
        long h = FNV_OFFSET;
        for (int i = 0; i < labels.size(); i++) {
            h = add(h, labels.name(i));
            h = addByte(h, SEPARATOR);
            h = add(h, labels.value(i));
            h = addByte(h, SEPARATOR);
        }
        return h;
    }

    /** A fingerprint as Alertmanager prints it: 16 lower-case hex digits. */
    public static String fingerprintString(long fp) {
        return String.format("%016x", fp);
    }

    public static String fingerprintString(Labels labels) {
        return fingerprintString(fingerprint(labels));
    }

    /** {@code LabelSet.String()}: the {@code name="value"} strings sorted, joined by ", ". */
    public static String toGoString(Labels labels) {
        List<String> parts = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            parts.add(labels.name(i) + "=" + GoStrings.quote(labels.value(i)));
        }
        parts.sort(null);
        return "{" + String.join(", ", parts) + "}";
    }

    private static long add(long h, String s) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = addByte(h, b);
        }
        return h;
    }

    private static long addByte(long h, byte b) {
        return (h ^ (b & 0xff)) * FNV_PRIME;
    }
}
