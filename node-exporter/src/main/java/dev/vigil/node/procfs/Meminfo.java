package dev.vigil.node.procfs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /proc/meminfo} as node_exporter names its fields: values in kB become bytes with a {@code
 * _bytes} suffix, unit-less counts (the {@code HugePages_*} lines) stay as they are, and a
 * parenthesised part becomes a suffix ({@code Active(anon)} becomes {@code Active_anon_bytes}).
 */
public final class Meminfo {
    private Meminfo() {
    }

    /** The fields in file order; lines that are not {@code Key: value [kB]} are skipped. */
    public static Map<String, Double> parse(String text) {
        Map<String, Double> fields = new LinkedHashMap<>();
        int start = 0;
        int length = text.length();
        while (start < length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            parseLine(text.substring(start, end), fields);
            start = end + 1;
        }
        return fields;
    }

    private static void parseLine(String line, Map<String, Double> fields) {
        String[] parts = GoFields.split(line);
        int count = parts.length;
        if (count < 2 || count > 3 || !parts[0].endsWith(":")) {
            return;
        }
        double value;
        try {
            value = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            return;
        }
        String key = parts[0].substring(0, parts[0].length() - 1);
        if (count == 3) {
            if (!parts[2].equals("kB")) {
                return;
            }
            value *= 1024;
            key += "_bytes";
        }
        fields.put(normalize(key), value);
    }

    /** {@code Active(anon)_bytes} to {@code Active_anon_bytes}, as node_exporter's regexp does. */
    static String normalize(String key) {
        int open = key.indexOf('(');
        int close = key.lastIndexOf(')');
        if (open < 0 || close < open) {
            return key;
        }
        return key.substring(0, open) + "_" + key.substring(open + 1, close) + key.substring(close + 1);
    }
}
