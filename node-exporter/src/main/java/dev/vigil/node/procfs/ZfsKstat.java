package dev.vigil.node.procfs;

import java.util.ArrayList;
import java.util.List;

/**
 * The kstat files ZFS on Linux publishes under {@code /proc/spl/kstat/zfs}. Named kstats
 * ({@code arcstats}, {@code zil}, a pool's {@code objset-*}) are a header line, a {@code name type
 * data} line and one {@code name type value} line per statistic; a pool's {@code io} file is a
 * header, a line of field names starting with {@code nread} and a line of values.
 */
public final class ZfsKstat {
    /** The kstat data type of an unsigned 64-bit value, {@code KSTAT_DATA_UINT64}. */
    public static final String UINT64 = "4";

    /** One named statistic: its name, kstat data type and value as text. */
    public record Named(String name, String type, String data) {

        /**
         * The value as an unsigned 64-bit number.
         *
         * @throws IllegalArgumentException if it is not one
         */
        public long unsigned() {
            try {
                return Unsigned.parse(data);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("could not parse expected integer value for \"" + name + "\"");
            }
        }
    }

    /** A pool's {@code io} kstat: the field names and each line of values under them. */
    public record Io(List<String> fields, List<long[]> rows) {
    }

    private ZfsKstat() {
    }

    /**
     * The statistics of a named kstat, in file order; lines with fewer than three fields are skipped.
     *
     * @throws IllegalArgumentException if the {@code name type data} line is missing
     */
    public static List<Named> named(String text) {
        List<Named> entries = new ArrayList<>();
        boolean started = false;
        for (String[] parts : lines(text)) {
            if (!started) {
                started = parts.length == 3 && parts[0].equals("name") && parts[1].equals("type")
                        && parts[2].equals("data");
                continue;
            }
            if (parts.length >= 3) {
                entries.add(new Named(parts[0], parts[1], parts[2]));
            }
        }
        if (!started) {
            throw new IllegalArgumentException("no \"name type data\" line");
        }
        return entries;
    }

    /**
     * A pool's {@code io} kstat. Without a field-name line there are no rows.
     *
     * @throws IllegalArgumentException if a value is not an unsigned number or a row is short
     */
    public static Io io(String text) {
        List<String> fields = null;
        List<long[]> rows = new ArrayList<>();
        for (String[] parts : lines(text)) {
            if (fields == null) {
                if (parts.length >= 12 && parts[0].equals("nread")) {
                    fields = List.of(parts);
                }
                continue;
            }
            if (parts.length < fields.size()) {
                throw new IllegalArgumentException("io line has " + parts.length + " values for " + fields.size()
                        + " fields");
            }
            long[] row = new long[fields.size()];
            for (int i = 0; i < row.length; i++) {
                try {
                    row[i] = Unsigned.parse(parts[i]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("could not parse expected integer value for \""
                            + fields.get(i) + "\": " + e.getMessage());
                }
            }
            rows.add(row);
        }
        return new Io(fields == null ? List.of() : fields, rows);
    }

    private static List<String[]> lines(String text) {
        List<String[]> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lines.add(GoFields.split(text.substring(start, end)));
            start = end + 1;
        }
        return lines;
    }
}
