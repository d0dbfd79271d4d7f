package dev.vigil.jvm.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sample lines of the text format (0.0.4), as the tests read what an exporter served. */
public final class TextSamples {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private TextSamples() {
    }

    /**
     * One sample line.
     *
     * @param labels label values as written (escapes kept), sorted by name
     */
    public record Sample(String name, Map<String, String> labels, double value) {
        /** The label values with the text format's escapes undone. */
        public Map<String, String> unescapedLabels() {
            Map<String, String> out = new TreeMap<>();
            labels.forEach((k, v) -> out.put(k, v.replace("\\\"", "\"").replace("\\\\", "\\")));
            return out;
        }
    }

    /** Every sample line of {@code text}; comments and blank lines are skipped. */
    public static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                samples.add(parseLine(line));
            }
        }
        return samples;
    }

    /** One sample line; fails naming the line when it is not one. */
    public static Sample parseLine(String line) {
        Matcher m = SAMPLE.matcher(line);
        if (!m.matches()) {
            throw new AssertionError("not a sample line: " + line);
        }
        Map<String, String> labels = new TreeMap<>();
        if (m.group(2) != null) {
            Matcher l = LABEL.matcher(m.group(2));
            while (l.find()) {
                labels.put(l.group(1), l.group(2));
            }
        }
        return new Sample(m.group(1), labels, Double.parseDouble(m.group(3)));
    }

    /** {@code {a="1",b="2"}} with the labels sorted by name, or "" for none. */
    public static String labelText(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("{");
        new TreeMap<>(labels).forEach((k, v) -> out.append(k).append("=\"").append(v).append("\","));
        out.setLength(out.length() - 1);
        return out.append('}').toString();
    }
}
