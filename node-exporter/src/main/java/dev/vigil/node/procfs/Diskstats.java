package dev.vigil.node.procfs;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /proc/diskstats}: per block device its major and minor numbers, name and I/O counters. The
 * number of counters depends on the kernel: 11 before 4.18, 15 with discards (4.18), 17 with
 * flushes (5.5). A line with fewer than 11 counters is skipped, counters past the 17th are ignored,
 * as prometheus/procfs does.
 *
 * <p>A hot path: one pass over the text, no regular expressions, no per-field strings.
 */
public final class Diskstats {
    /** The most counters a line has (kernel 5.5 and later). */
    public static final int MAX_COUNTERS = 17;
    /** The fewest counters a line must have to be reported (kernels before 4.18). */
    public static final int MIN_COUNTERS = 11;

    /** Counter indexes, in file order. */
    public static final int READS = 0;
    public static final int READS_MERGED = 1;
    public static final int SECTORS_READ = 2;
    public static final int READ_MILLIS = 3;
    public static final int WRITES = 4;
    public static final int WRITES_MERGED = 5;
    public static final int SECTORS_WRITTEN = 6;
    public static final int WRITE_MILLIS = 7;
    public static final int IOS_IN_PROGRESS = 8;
    public static final int IO_MILLIS = 9;
    public static final int WEIGHTED_IO_MILLIS = 10;
    public static final int DISCARDS = 11;
    public static final int DISCARDS_MERGED = 12;
    public static final int SECTORS_DISCARDED = 13;
    public static final int DISCARD_MILLIS = 14;
    public static final int FLUSHES = 15;
    public static final int FLUSH_MILLIS = 16;

    /**
     * One device's line.
     *
     * @param counters the counters as unsigned 64-bit values, {@link #MAX_COUNTERS} long
     * @param count how many counters the line had, at most {@link #MAX_COUNTERS}
     */
    public record Device(long major, long minor, String name, long[] counters, int count) {

        /** Counter {@code index} as a double, reading the stored bits as unsigned. */
        public double counter(int index) {
            return Unsigned.toDouble(counters[index]);
        }
    }

    private Diskstats() {
    }

    /**
     * The devices in file order.
     *
     * @throws IllegalArgumentException when a field is not an unsigned integer or overflows
     */
    public static List<Device> parse(CharSequence text) {
        List<Device> devices = new ArrayList<>();
        int length = text.length();
        int pos = 0;
        long[] fields = new long[2 + MAX_COUNTERS];
        while (pos < length) {
            int end = pos;
            while (end < length && text.charAt(end) != '\n') {
                end++;
            }
            Device device = parseLine(text, pos, end, fields);
            if (device != null) {
                devices.add(device);
            }
            pos = end + 1;
        }
        return devices;
    }

    /** One line from {@code start} to {@code end}; null if it has too few fields. */
    private static Device parseLine(CharSequence text, int start, int end, long[] fields) {
        int pos = skipSpace(text, start, end);
        int numbers = 0;
        String name = null;
        // Fields: major, minor, name, then up to 17 counters.
        for (int field = 0; field < 3 + MAX_COUNTERS && pos < end; field++) {
            int tokenEnd = pos;
            while (tokenEnd < end && !isSpace(text.charAt(tokenEnd))) {
                tokenEnd++;
            }
            if (field == 2) {
                name = text.subSequence(pos, tokenEnd).toString();
            } else {
                long value = parseUnsigned(text, pos, tokenEnd);
                if (field < 2 && (value >>> 32) != 0) {
                    throw new IllegalArgumentException("device number out of range: " + text.subSequence(pos, tokenEnd));
                }
                fields[numbers++] = value;
            }
            pos = skipSpace(text, tokenEnd, end);
        }
        int count = numbers - 2;
        if (name == null || count < MIN_COUNTERS) {
            return null;
        }
        long[] counters = new long[MAX_COUNTERS];
        System.arraycopy(fields, 2, counters, 0, count);
        return new Device(fields[0], fields[1], name, counters, count);
    }

    private static long parseUnsigned(CharSequence text, int start, int end) {
        long value = 0;
        for (int i = start; i < end; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("expected integer: " + text.subSequence(start, end));
            }
            if (Long.compareUnsigned(value, 0x1999_9999_9999_9999L) > 0) {
                throw new IllegalArgumentException("integer overflow: " + text.subSequence(start, end));
            }
            long next = value * 10 + digit;
            if (Long.compareUnsigned(next, value * 10) < 0) {
                throw new IllegalArgumentException("integer overflow: " + text.subSequence(start, end));
            }
            value = next;
        }
        return value;
    }

    private static int skipSpace(CharSequence text, int pos, int end) {
        while (pos < end && isSpace(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }
}
