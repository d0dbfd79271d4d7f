package dev.vigil.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable label set: name/value pairs sorted by name, names unique, no empty values (as in
 * Prometheus, a label with an empty value is the same as no label). The metric name is the label
 * {@code __name__}.
 */
public final class Labels implements Comparable<Labels> {
    public static final String METRIC_NAME = "__name__";
    public static final Labels EMPTY = new Labels(new String[0]);

    /** Names at even indexes, values at odd ones, sorted by name. */
    private final String[] pairs;
    private int hash;

    private Labels(String[] pairs) {
        this.pairs = pairs;
    }

    /**
     * Labels from alternating names and values, in any order.
     *
     * @throws IllegalArgumentException on an odd count or a repeated name
     */
    public static Labels of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("labels need name/value pairs, got " + namesAndValues.length + " strings");
        }
        Builder builder = new Builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (builder.map.containsKey(namesAndValues[i])) {
                throw new IllegalArgumentException("duplicate label name " + namesAndValues[i]);
            }
            builder.set(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    /** Labels from a map; empty values are dropped. */
    public static Labels of(Map<String, String> map) {
        Builder builder = new Builder();
        map.forEach(builder::set);
        return builder.build();
    }

    /**
     * Labels from pairs already sorted by name with unique names and no empty values, as decoded
     * from storage. The array is kept, not copied.
     */
    public static Labels fromSortedPairs(String[] pairs) {
        return pairs.length == 0 ? EMPTY : new Labels(pairs);
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return pairs.length / 2;
    }

    public boolean isEmpty() {
        return pairs.length == 0;
    }

    public String name(int i) {
        return pairs[2 * i];
    }

    public String value(int i) {
        return pairs[2 * i + 1];
    }

    /** The value of {@code name}, or "" when absent (Prometheus' convention). */
    public String get(String name) {
        int i = indexOf(name);
        return i < 0 ? "" : pairs[2 * i + 1];
    }

    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    /** The {@code __name__} label, or "". */
    public String metricName() {
        return get(METRIC_NAME);
    }

    private int indexOf(String name) {
        int lo = 0;
        int hi = size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = pairs[2 * mid].compareTo(name);
            if (c == 0) {
                return mid;
            } else if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /** A builder starting from these labels. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        for (int i = 0; i < pairs.length; i += 2) {
            builder.map.put(pairs[i], pairs[i + 1]);
        }
        return builder;
    }

    /** These labels without {@code __name__}. */
    public Labels withoutMetricName() {
        return has(METRIC_NAME) ? toBuilder().remove(METRIC_NAME).build() : this;
    }

    /** The label names in order. */
    /** The pairs as an ordered map (by name), for code that wants map semantics. */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < size(); i++) {
            m.put(name(i), value(i));
        }
        return m;
    }

    public List<String> names() {
        List<String> names = new ArrayList<>(size());
        for (int i = 0; i < pairs.length; i += 2) {
            names.add(pairs[i]);
        }
        return names;
    }

    /** A 64-bit hash of names and values, stable across runs (for series maps and sharding). */
    public long hash64() {
        long h = 0xcbf29ce484222325L;
        for (String s : pairs) {
            for (int i = 0; i < s.length(); i++) {
                h = (h ^ s.charAt(i)) * 0x100000001b3L;
            }
            h = (h ^ 0xff) * 0x100000001b3L; // separator: ("ab","c") differs from ("a","bc")
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Labels other && Arrays.equals(pairs, other.pairs);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(pairs);
            hash = h;
        }
        return h;
    }

    /** Prometheus' order: pair by pair, name then value; a prefix sorts first. */
    @Override
    public int compareTo(Labels other) {
        int n = Math.min(pairs.length, other.pairs.length);
        for (int i = 0; i < n; i++) {
            int c = pairs[i].compareTo(other.pairs[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pairs.length, other.pairs.length);
    }

    /** As Prometheus prints a label set: {@code {__name__="up", job="node"}}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(pairs[i]).append("=\"");
            escape(pairs[i + 1], out);
            out.append('"');
        }
        return out.append('}').toString();
    }

    private static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }

    /** Collects labels; setting an empty value removes the label. */
    public static final class Builder {
        private final TreeMap<String, String> map = new TreeMap<>();

        public Builder set(String name, String value) {
            if (value == null || value.isEmpty()) {
                map.remove(name);
            } else {
                map.put(name, value);
            }
            return this;
        }

        public Builder remove(String name) {
            map.remove(name);
            return this;
        }

        public String get(String name) {
            return map.getOrDefault(name, "");
        }

        public Labels build() {
            if (map.isEmpty()) {
                return EMPTY;
            }
            String[] pairs = new String[map.size() * 2];
            int i = 0;
            for (Map.Entry<String, String> e : map.entrySet()) {
                pairs[i++] = e.getKey();
                pairs[i++] = e.getValue();
            }
            return new Labels(pairs);
        }
    }
}
