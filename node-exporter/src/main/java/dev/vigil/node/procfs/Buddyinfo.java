package dev.vigil.node.procfs;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /proc/buddyinfo}: per NUMA node and memory zone, the number of free blocks of each order
 * (block size 2^order pages), e.g. {@code Node 0, zone   Normal   4211   4036 ...}.
 */
public final class Buddyinfo {
    private Buddyinfo() {
    }

    /** One zone's free block counts, index = order. */
    public record Zone(String node, String zone, List<Double> freeBlocks) {
    }

    /**
     * The zones in file order.
     *
     * @throws IllegalArgumentException if a line has fewer than four fields, a count is not a
     *     number, or zones differ in their number of orders
     */
    public static List<Zone> parse(String text) {
        List<Zone> zones = new ArrayList<>();
        int orders = -1;
        TextCursor in = new TextCursor(text);
        while (in.nextLine()) {
            int count = in.remainingFields();
            if (count < 4) {
                throw new IllegalArgumentException("invalid number of fields when parsing buddyinfo: \"" + in.line() + "\"");
            }
            in.skipField();
            String node = trimCommas(in.field());
            in.skipField();
            String zone = trimCommas(in.field());
            int n = count - 4;
            if (orders == -1) {
                orders = n;
            } else if (orders != n) {
                throw new IllegalArgumentException("mismatch in number of buddyinfo buckets, previous count "
                        + orders + ", new count " + n);
            }
            Double[] blocks = new Double[n];
            for (int i = 0; i < n; i++) {
                try {
                    blocks[i] = in.doubleField();
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("invalid value in buddyinfo: \"" + in.line() + "\"", e);
                }
            }
            zones.add(new Zone(node, zone, List.of(blocks)));
        }
        return zones;
    }

    private static String trimCommas(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ',') {
            end--;
        }
        return s.substring(0, end);
    }
}
