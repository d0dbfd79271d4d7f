package dev.vigil.node.procfs;

import java.util.HashMap;
import java.util.Map;

/**
 * XFS runtime statistics, as {@code /proc/fs/xfs/stat} and {@code /sys/fs/xfs/<device>/stats/stats}
 * print them: one line per group, a label and its counters. Read as prometheus/procfs 0.8 does:
 * every line's counters must be unsigned 32-bit numbers ({@code xpc}: 64-bit), the known groups must
 * have their documented number of counters, unknown groups are checked and skipped.
 */
public final class XfsStats {
    /** The groups kept and how many counters each may have (a second count: an older or newer kernel's). */
    private static final Map<String, int[]> GROUPS = Map.ofEntries(
            Map.entry("extent_alloc", new int[] {4}), Map.entry("abt", new int[] {4}),
            Map.entry("blk_map", new int[] {7}), Map.entry("bmbt", new int[] {4}), Map.entry("dir", new int[] {4}),
            Map.entry("trans", new int[] {3}), Map.entry("ig", new int[] {7}), Map.entry("log", new int[] {5}),
            Map.entry("push_ail", new int[] {10}), Map.entry("xstrat", new int[] {2}), Map.entry("rw", new int[] {2}),
            Map.entry("attr", new int[] {4}), Map.entry("icluster", new int[] {3}),
            Map.entry("vnodes", new int[] {7, 8}), Map.entry("buf", new int[] {9}),
            Map.entry("abtb2", new int[] {15}), Map.entry("abtc2", new int[] {15}),
            Map.entry("bmbt2", new int[] {15}), Map.entry("ibt2", new int[] {15}),
            Map.entry("qm", new int[] {8, 9}), Map.entry("debug", new int[] {1}), Map.entry("xpc", new int[] {3}));

    private final Map<String, long[]> groups;

    private XfsStats(Map<String, long[]> groups) {
        this.groups = groups;
    }

    /**
     * Parses the file's text.
     *
     * @throws IllegalArgumentException for a counter that is not a number of the right size, or a
     *     known group with the wrong number of counters
     */
    public static XfsStats parse(String text) {
        Map<String, long[]> groups = new HashMap<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            start = end + 1;
            String[] fields = GoFields.split(line);
            if (fields.length < 2) {
                continue;
            }
            String label = fields[0];
            long[] values = new long[fields.length - 1];
            for (int i = 1; i < fields.length; i++) {
                long value;
                try {
                    value = Unsigned.parse(fields[i]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("XFS " + label + ": " + e.getMessage());
                }
                if (!label.equals("xpc") && (value >>> 32) != 0) {
                    throw new IllegalArgumentException("XFS " + label + ": value out of range: " + fields[i]);
                }
                values[i - 1] = value;
            }
            int[] counts = GROUPS.get(label);
            if (counts == null) {
                continue;
            }
            if (values.length != counts[0] && (counts.length == 1 || values.length != counts[1])) {
                throw new IllegalArgumentException(
                        "incorrect number of values for XFS " + label + " stats: " + values.length);
            }
            groups.put(label, values);
        }
        return new XfsStats(groups);
    }

    /** Counter {@code index} of group {@code label}; 0 when the file has no such line or counter. */
    public long get(String label, int index) {
        long[] values = groups.get(label);
        return values == null || index >= values.length ? 0 : values[index];
    }
}
