package dev.vigil.node.procfs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kernel's protocol counters: {@code /proc/net/netstat} and {@code /proc/net/snmp} hold pairs of
 * lines, {@code Proto: Name1 Name2 ...} then {@code Proto: v1 v2 ...}; {@code /proc/net/snmp6} holds
 * one {@code Ip6InReceives  123} per line, the protocol being the name up to its first {@code 6}.
 * Results map protocol to counter name to value, in file order. As in node_exporter, every value
 * must be a number, whether or not it will be exposed.
 */
public final class NetStat {
    private NetStat() {
    }

    /**
     * Parses {@code netstat} or {@code snmp}; words are separated by single spaces, as node_exporter
     * splits them.
     *
     * @throws IllegalArgumentException if a value line has another number of words than its name
     *     line, or a value is not a number
     */
    public static Map<String, Map<String, Double>> parsePairs(String text) {
        Map<String, Map<String, Double>> stats = new LinkedHashMap<>();
        String[] lines = GoFields.lines(text);
        int count = lines.length;
        for (int i = 0; i < count; i += 2) {
            String[] names = lines[i].split(" ", -1);
            String[] values = i + 1 < count ? lines[i + 1].split(" ", -1) : new String[] {""};
            if (names[0].isEmpty()) {
                throw new IllegalArgumentException("empty line " + (i + 1));
            }
            String protocol = names[0].substring(0, names[0].length() - 1);
            if (names.length != values.length) {
                throw new IllegalArgumentException("mismatch field count mismatch: " + protocol);
            }
            Map<String, Double> fields = new LinkedHashMap<>();
            for (int k = 1; k < names.length; k++) {
                fields.put(names[k], number(values[k], protocol + names[k]));
            }
            stats.put(protocol, fields);
        }
        return stats;
    }

    /**
     * Parses {@code snmp6}. Lines of fewer than two words, or whose name has no {@code 6}, are
     * skipped.
     *
     * @throws IllegalArgumentException if a value is not a number
     */
    public static Map<String, Map<String, Double>> parseSnmp6(String text) {
        Map<String, Map<String, Double>> stats = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] words = GoFields.split(line);
            if (words.length < 2) {
                continue;
            }
            int six = words[0].indexOf('6');
            if (six < 0) {
                continue;
            }
            String protocol = words[0].substring(0, six + 1);
            stats.computeIfAbsent(protocol, p -> new LinkedHashMap<>())
                    .put(words[0].substring(six + 1), number(words[1], words[0]));
        }
        return stats;
    }

    private static double number(String value, String field) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid value " + value + " in netstats (" + field + ")", e);
        }
    }
}
