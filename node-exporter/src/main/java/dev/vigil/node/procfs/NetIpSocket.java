package dev.vigil.node.procfs;

/**
 * {@code /proc/net/tcp}, {@code tcp6}, {@code udp} and {@code udp6}: a header line, then one line
 * per socket ({@code sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid
 * timeout inode ...}). Only a summary is kept: queue sums and the number of sockets per state.
 * Lines are checked as node_exporter's procfs reader checks them (at least ten columns; slot,
 * addresses, state, queues, uid and inode well-formed) but scanned in place, without splitting,
 * since a busy host has tens of thousands of them.
 */
public final class NetIpSocket {
    private static final int MIN_COLUMNS = 10;

    /**
     * The summary of one table.
     *
     * @param txQueue the sum of the transmit queues, in bytes (unsigned)
     * @param rxQueue the sum of the receive queues, in bytes (unsigned)
     * @param sockets the number of sockets
     * @param states the number of sockets per state ({@code st}, 0 to 255; larger values count as
     *     255)
     */
    public record Summary(long txQueue, long rxQueue, long sockets, long[] states) {
    }

    private NetIpSocket() {
    }

    /**
     * Summarizes one table.
     *
     * @throws IllegalArgumentException for a malformed socket line
     */
    public static Summary summarize(String text) {
        long tx = 0;
        long rx = 0;
        long sockets = 0;
        long[] states = new long[256];
        int[] starts = new int[MIN_COLUMNS];
        int[] ends = new int[MIN_COLUMNS];
        int length = text.length();
        int pos = text.indexOf('\n');
        pos = pos < 0 ? length : pos + 1;
        while (pos < length) {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = length;
            }
            int columns = fields(text, pos, end, starts, ends);
            if (columns < MIN_COLUMNS) {
                throw new IllegalArgumentException("cannot parse net socket line as it has less then 10 columns: "
                        + text.substring(pos, end).strip());
            }
            checkSlot(text, starts[0], ends[0]);
            checkAddress(text, starts[1], ends[1], "local_address");
            checkAddress(text, starts[2], ends[2], "rem_address");
            long state = hex(text, starts[3], ends[3], "st");
            int colon = singleColon(text, starts[4], ends[4]);
            if (colon < 0) {
                throw new IllegalArgumentException("cannot parse tx/rx queues in socket line as it has a missing colon: "
                        + text.substring(starts[4], ends[4]));
            }
            tx += hex(text, starts[4], colon, "tx_queue");
            rx += hex(text, colon + 1, ends[4], "rx_queue");
            decimal(text, starts[7], ends[7], "uid");
            decimal(text, starts[9], ends[9], "inode");
            states[(int) Math.min(state, 255)]++;
            sockets++;
            pos = end + 1;
        }
        return new Summary(tx, rx, sockets, states);
    }

    /** Finds up to ten field boundaries in {@code [pos, end)}; returns how many fields there are (at most ten). */
    private static int fields(String text, int pos, int end, int[] starts, int[] ends) {
        int count = 0;
        int i = pos;
        while (i < end && count < MIN_COLUMNS) {
            while (i < end && GoFields.isSpace(text.charAt(i))) {
                i++;
            }
            if (i == end) {
                break;
            }
            starts[count] = i;
            while (i < end && !GoFields.isSpace(text.charAt(i))) {
                i++;
            }
            ends[count++] = i;
        }
        return count;
    }

    private static void checkSlot(String text, int start, int end) {
        int colon = singleColon(text, start, end);
        if (colon < 0) {
            throw new IllegalArgumentException("unable to parse sl field in line: " + text.substring(start, end));
        }
        decimal(text, start, colon, "sl");
    }

    private static void checkAddress(String text, int start, int end, String what) {
        int colon = singleColon(text, start, end);
        if (colon < 0) {
            throw new IllegalArgumentException("unable to parse " + what + " field in: " + text.substring(start, end));
        }
        int hexDigits = colon - start;
        if (hexDigits != 8 && hexDigits != 32) {
            throw new IllegalArgumentException("unable to parse IP " + text.substring(start, colon));
        }
        hex(text, start, start + Math.min(hexDigits, 8), what);
        if (hexDigits == 32) {
            for (int i = start + 8; i < colon; i += 8) {
                hex(text, i, i + 8, what);
            }
        }
        hex(text, colon + 1, end, what + " port");
    }

    /** The position of the only colon in {@code [start, end)}, or -1 if there is none or more than one. */
    private static int singleColon(String text, int start, int end) {
        int colon = -1;
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == ':') {
                if (colon >= 0) {
                    return -1;
                }
                colon = i;
            }
        }
        return colon;
    }

    private static long hex(String text, int start, int end, String what) {
        if (start >= end || end - start > 16) {
            throw bad(text, start, end, what);
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                throw bad(text, start, end, what);
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    private static void decimal(String text, int start, int end, String what) {
        if (start >= end) {
            throw bad(text, start, end, what);
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw bad(text, start, end, what);
            }
        }
    }

    private static IllegalArgumentException bad(String text, int start, int end, String what) {
        return new IllegalArgumentException("cannot parse " + what + " value in socket line: " + text.substring(start, end));
    }
}
