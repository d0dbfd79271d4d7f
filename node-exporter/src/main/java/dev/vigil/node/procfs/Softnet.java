package dev.vigil.node.procfs;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /proc/net/softnet_stat}: one line of hexadecimal 32-bit counters per online CPU. Kernels
 * have grown the line from 9 columns (2.6.23) to 10 (received_rps), 11 (flow_limit_count), 13
 * (backlog length and CPU index, 5.10) and beyond; node_exporter 1.5 needs at least nine and reads
 * the first three: processed, dropped, times squeezed.
 *
 * @param processed packets processed
 * @param dropped packets dropped because the backlog was full
 * @param timeSqueezed times the softirq ran out of budget or time with work remaining
 */
public record Softnet(long processed, long dropped, long timeSqueezed) {
    private static final int MIN_COLUMNS = 9;

    /**
     * One record per line, in file order (node_exporter labels them 0, 1, ... by position).
     *
     * @throws IllegalArgumentException for a line (blank ones included) of fewer than nine
     *     columns, or a first three columns that are not 32-bit hexadecimal numbers
     */
    public static List<Softnet> parse(String text) {
        List<Softnet> stats = new ArrayList<>();
        String[] lines = GoFields.lines(text);
        int count = lines.length;
        for (int i = 0; i < count; i++) {
            String[] columns = GoFields.split(lines[i]);
            if (columns.length < MIN_COLUMNS) {
                throw new IllegalArgumentException(columns.length + " columns were detected, but at least "
                        + MIN_COLUMNS + " were expected");
            }
            stats.add(new Softnet(hex32(columns[0]), hex32(columns[1]), hex32(columns[2])));
        }
        return stats;
    }

    private static long hex32(String column) {
        try {
            if (Character.digit(column.charAt(0), 16) < 0) {
                throw new NumberFormatException("invalid syntax");
            }
            long value = Long.parseLong(column, 16);
            if (value > 0xffffffffL) {
                throw new NumberFormatException("value out of range");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parsing \"" + column + "\": " + e.getMessage(), e);
        }
    }
}
