package dev.vigil.node.procfs;

import java.util.ArrayList;
import java.util.List;

/** The line format shared by {@code /proc/net/rpc/nfs} and {@code nfsd}: a label, then numbers. */
final class NfsLines {
    private NfsLines() {
    }

    /** The file's lines, as Go's line scanner yields them: a last line without newline counts. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            start = end + 1;
        }
        return lines;
    }

    static String[] fields(String line) {
        return GoFields.split(line);
    }

    /** The numbers in {@code parts[1..end)}. */
    static long[] values(String[] parts, int end, String line) {
        long[] values = new long[end - 1];
        for (int i = 1; i < end; i++) {
            try {
                values[i - 1] = Unsigned.parse(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("error parsing NFS metric line \"" + line + "\": " + e.getMessage());
            }
        }
        return values;
    }

    /** Copies {@code values} into {@code into}, which it must fill exactly. */
    static void exactly(long[] values, long[] into, String line) {
        if (values.length != into.length) {
            throw new IllegalArgumentException("invalid line \"" + line + "\": want " + into.length + " values");
        }
        System.arraycopy(values, 0, into, 0, into.length);
    }

    /**
     * A {@code procN count v1 v2 ...} line: the count must match and be at least {@code minimum};
     * the first {@code into.length} values are kept.
     */
    static void procedures(long[] values, long[] into, int minimum, String line) {
        long count = values[0];
        if (values.length - 1 != count || count < minimum) {
            throw new IllegalArgumentException("invalid procedures line \"" + line + "\"");
        }
        System.arraycopy(values, 1, into, 0, into.length);
    }
}
