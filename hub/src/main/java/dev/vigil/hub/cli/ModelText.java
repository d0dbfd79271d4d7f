package dev.vigil.hub.cli;

import dev.vigil.model.GoFloats;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Query results spelled as prometheus/common's {@code model} types print themselves, which is
 * what promtool's {@code query} commands print: {@code up{instance="a", job="b"} => 1 @[1700000000.5]}.
 */
final class ModelText {
    private ModelText() {
    }

    /** One series' points: times in ms, values. */
    record Stream(Map<String, String> metric, long[] times, double[] values) {
    }

    /** {@code model.Vector}: one line per sample, in the order the server sent them. */
    static String vector(List<Stream> samples) {
        List<String> lines = new ArrayList<>();
        for (Stream s : samples) {
            lines.add(metric(s.metric()) + " => " + GoFloats.formatF(s.values()[0]) + " @[" + time(s.times()[0]) + "]");
        }
        return String.join("\n", lines);
    }

    /** {@code model.Matrix}: series sorted by {@code LabelSet.Before}, each with its points below it. */
    static String matrix(List<Stream> series) {
        List<Stream> sorted = new ArrayList<>(series);
        sorted.sort(Comparator.comparing(Stream::metric, ModelText::before));
        List<String> out = new ArrayList<>();
        for (Stream s : sorted) {
            List<String> points = new ArrayList<>();
            for (int i = 0; i < s.times().length; i++) {
                points.add(GoFloats.formatF(s.values()[i]) + " @[" + time(s.times()[i]) + "]");
            }
            out.add(metric(s.metric()) + " =>\n" + String.join("\n", points));
        }
        return String.join("\n", out);
    }

    static String scalar(long t, double v) {
        return "scalar: " + GoFloats.formatF(v) + " @[" + time(t) + "]";
    }

    static String string(long t, String v) {
        return v + " @[" + time(t) + "]";
    }

    /** {@code model.Time.String}: seconds, shortest. */
    static String time(long ms) {
        return GoFloats.formatF(ms / 1000.0);
    }

    /** {@code model.Metric.String}: {@code name{a="x", b="y"}}, pairs sorted as formatted strings. */
    static String metric(Map<String, String> m) {
        String name = m.get("__name__");
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> e : m.entrySet()) {
            if (!e.getKey().equals("__name__")) {
                pairs.add(e.getKey() + "=" + goQuote(e.getValue()));
            }
        }
        if (pairs.isEmpty()) {
            return name != null ? name : "{}";
        }
        Collections.sort(pairs);
        return (name == null ? "" : name) + "{" + String.join(", ", pairs) + "}";
    }

    /** {@code model.LabelSet.String}: every pair, the name too, sorted as formatted strings. */
    static String labelSet(Map<String, String> m) {
        List<String> pairs = new ArrayList<>();
        m.forEach((k, v) -> pairs.add(k + "=" + goQuote(v)));
        Collections.sort(pairs);
        return "{" + String.join(", ", pairs) + "}";
    }

    /** {@code LabelSet.Before}: fewer labels first, then the first differing value in name order. */
    static int before(Map<String, String> a, Map<String, String> b) {
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        TreeSet<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        for (String n : names) {
            String x = a.get(n);
            String y = b.get(n);
            if (x == null) {
                return -1;
            }
            if (y == null) {
                return 1;
            }
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Go's {@code %q} ({@code strconv.Quote}) for printable text and the usual escapes. */
    static String goQuote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case 7 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case 11 -> out.append("\\v");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
