package dev.vigil.hub.relabel;

import dev.vigil.model.GoRegexp;
import dev.vigil.model.Labels;
import dev.vigil.model.MetricNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/** Applies relabel rules in order; a keep/drop that fires ends with null (the set is dropped). */
public final class Relabeler {
    private Relabeler() {
    }

    /** The relabeled set, or null when a rule dropped it. */
    public static Labels apply(Labels labels, List<RelabelConfig> rules) {
        Labels current = labels;
        for (RelabelConfig rule : rules) {
            current = apply(current, rule);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    static Labels apply(Labels labels, RelabelConfig rule) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < rule.sourceLabels().size(); i++) {
            if (i > 0) {
                joined.append(rule.separator());
            }
            joined.append(labels.get(rule.sourceLabels().get(i)));
        }
        String val = joined.toString();
        Labels.Builder out = labels.toBuilder();
        switch (rule.action()) {
            case DROP -> {
                if (rule.regex().matcher(val).matches()) {
                    return null;
                }
            }
            case KEEP -> {
                if (!rule.regex().matcher(val).matches()) {
                    return null;
                }
            }
            case DROPEQUAL -> {
                if (labels.get(rule.targetLabel()).equals(val)) {
                    return null;
                }
            }
            case KEEPEQUAL -> {
                if (!labels.get(rule.targetLabel()).equals(val)) {
                    return null;
                }
            }
            case REPLACE -> {
                Matcher m = rule.regex().matcher(val);
                if (!m.matches()) {
                    break;
                }
                String target = expand(rule.targetLabel(), m);
                if (!MetricNames.isValidLabelName(target)) {
                    out.remove(rule.targetLabel());
                    break;
                }
                String result = expand(rule.replacement(), m);
                if (result.isEmpty()) {
                    out.remove(target);
                } else {
                    out.set(target, result);
                }
            }
            case LOWERCASE -> out.set(rule.targetLabel(), val.toLowerCase(Locale.ROOT));
            case UPPERCASE -> out.set(rule.targetLabel(), val.toUpperCase(Locale.ROOT));
            case HASHMOD -> out.set(rule.targetLabel(), Long.toUnsignedString(Long.remainderUnsigned(sum64(val),
                    rule.modulus())));
            case LABELMAP -> {
                for (int i = 0; i < labels.size(); i++) {
                    Matcher m = rule.regex().matcher(labels.name(i));
                    if (m.matches()) {
                        out.set(expand(rule.replacement(), m), labels.value(i));
                    }
                }
            }
            case LABELDROP -> {
                for (int i = 0; i < labels.size(); i++) {
                    if (rule.regex().matcher(labels.name(i)).matches()) {
                        out.remove(labels.name(i));
                    }
                }
            }
            case LABELKEEP -> {
                for (int i = 0; i < labels.size(); i++) {
                    if (!rule.regex().matcher(labels.name(i)).matches()) {
                        out.remove(labels.name(i));
                    }
                }
            }
        }
        return out.build();
    }

    /** Prometheus' hashmod input: the low 8 bytes of the MD5 of the value, big-endian. */
    static long sum64(String value) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8));
            long s = 0;
            for (int i = 8; i < 16; i++) {
                s = (s << 8) | (md5[i] & 0xff);
            }
            return s;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }

    static String expand(String template, Matcher m) {
        return GoRegexp.expand(template, m);
    }
}
