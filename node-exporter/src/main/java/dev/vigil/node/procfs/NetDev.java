package dev.vigil.node.procfs;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /proc/net/dev}: per interface the eight receive and eight transmit counters, in the
 * kernel's column order. Parsed with one pass over the characters (no regex, no split), as it is
 * read on every scrape.
 */
public final class NetDev {
    /** The number of counters per interface. */
    public static final int FIELDS = 16;

    /** Column names as node_exporter's procfs reader names them, in file order. */
    public static final List<String> FIELD_NAMES = List.of(
            "receive_bytes", "receive_packets", "receive_errors", "receive_dropped", "receive_fifo",
            "receive_frame", "receive_compressed", "receive_multicast",
            "transmit_bytes", "transmit_packets", "transmit_errors", "transmit_dropped", "transmit_fifo",
            "transmit_colls", "transmit_carrier", "transmit_compressed");

    public static final int RX_BYTES = 0;
    public static final int RX_PACKETS = 1;
    public static final int RX_ERRS = 2;
    public static final int RX_DROP = 3;
    public static final int RX_FIFO = 4;
    public static final int RX_FRAME = 5;
    public static final int RX_COMPRESSED = 6;
    public static final int RX_MULTICAST = 7;
    public static final int TX_BYTES = 8;
    public static final int TX_PACKETS = 9;
    public static final int TX_ERRS = 10;
    public static final int TX_DROP = 11;
    public static final int TX_FIFO = 12;
    public static final int TX_COLLS = 13;
    public static final int TX_CARRIER = 14;
    public static final int TX_COMPRESSED = 15;

    /**
     * One interface's line.
     *
     * @param name the interface name
     * @param values the sixteen counters, unsigned 64-bit (see {@link #toDouble(long)})
     */
    public record Line(String name, long[] values) {
    }

    private NetDev() {
    }

    /**
     * Parses the file: two header lines, then {@code name: c0 c1 ... c15} per interface. The name
     * ends at the last colon of the line; columns beyond the sixteenth are ignored. A later line for
     * the same name replaces an earlier one.
     *
     * @throws IllegalArgumentException for a line without a colon, with an empty name, fewer than
     *     sixteen columns or a column that is not an unsigned decimal number
     */
    public static List<Line> parse(String text) {
        List<Line> lines = new ArrayList<>();
        int length = text.length();
        int pos = skipLine(text, skipLine(text, 0));
        while (pos < length) {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = length;
            }
            Line line = parseLine(text, pos, end);
            if (line != null) {
                add(lines, line);
            }
            pos = end + 1;
        }
        return lines;
    }

    /** The value of an unsigned 64-bit counter as a double, as Go's {@code float64(uint64)}. */
    public static double toDouble(long unsigned) {
        if (unsigned >= 0) {
            return unsigned;
        }
        // Halve, keeping the lowest bit for correct rounding, then double.
        return ((unsigned >>> 1) | (unsigned & 1)) * 2.0;
    }

    private static void add(List<Line> lines, Line line) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).name().equals(line.name())) {
                lines.set(i, line);
                return;
            }
        }
        lines.add(line);
    }

    private static int skipLine(String text, int pos) {
        int end = text.indexOf('\n', pos);
        return end < 0 ? text.length() : end + 1;
    }

    private static Line parseLine(String text, int start, int end) {
        int colon = text.lastIndexOf(':', end - 1);
        if (colon < start) {
            if (isBlank(text, start, end)) {
                return null;
            }
            throw new IllegalArgumentException("invalid net/dev line, missing colon: " + text.substring(start, end));
        }
        String name = text.substring(start, colon).strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("invalid net/dev line, empty interface name: " + text.substring(start, end));
        }
        long[] values = new long[FIELDS];
        int pos = colon + 1;
        for (int field = 0; field < FIELDS; field++) {
            while (pos < end && isSpace(text.charAt(pos))) {
                pos++;
            }
            if (pos == end) {
                throw new IllegalArgumentException("net/dev line for " + name + " has " + field + " columns, expected "
                        + FIELDS);
            }
            long value = 0;
            char c;
            while (pos < end && !isSpace(c = text.charAt(pos))) {
                int digit = c - '0';
                if (digit < 0 || digit > 9 || Long.compareUnsigned(value, OVERFLOW) > 0) {
                    throw badNumber(text, name, pos, end);
                }
                long next = value * 10 + digit;
                if (Long.compareUnsigned(next, value * 10) < 0) {
                    throw badNumber(text, name, pos, end);
                }
                value = next;
                pos++;
            }
            values[field] = value;
        }
        return new Line(name, values);
    }

    /** The largest value that can be multiplied by ten without overflowing 64 unsigned bits. */
    private static final long OVERFLOW = Long.divideUnsigned(-1L, 10);

    private static IllegalArgumentException badNumber(String text, String name, int pos, int end) {
        int from = pos;
        while (from > 0 && !isSpace(text.charAt(from - 1)) && text.charAt(from - 1) != ':') {
            from--;
        }
        int to = pos;
        while (to < end && !isSpace(text.charAt(to))) {
            to++;
        }
        return new IllegalArgumentException("net/dev line for " + name + ": not an unsigned number: "
                + text.substring(from, to));
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    private static boolean isBlank(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!isSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
