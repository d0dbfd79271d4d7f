package dev.vigil.node.procfs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /proc/net/arp}: the neighbour table, one line per entry ({@code IP HW-type Flags HW-address
 * Mask Device}) under a header starting with {@code IP}. Read as node_exporter 1.5 reads it: every
 * line needs at least six words, the device is the last one, and every entry counts, complete or
 * not.
 */
public final class NetArp {
    private static final int MIN_COLUMNS = 6;

    private NetArp() {
    }

    /**
     * The number of entries per device, in order of first appearance.
     *
     * @throws IllegalArgumentException for a line (blank ones included) of fewer than six words
     */
    public static Map<String, Integer> entriesByDevice(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        String[] lines = GoFields.lines(text);
        int count = lines.length;
        for (int i = 0; i < count; i++) {
            String[] columns = GoFields.split(lines[i]);
            if (columns.length < MIN_COLUMNS) {
                throw new IllegalArgumentException("unexpected ARP table format: " + lines[i].strip());
            }
            if (!columns[0].equals("IP")) {
                counts.merge(columns[columns.length - 1], 1, Integer::sum);
            }
        }
        return counts;
    }
}
