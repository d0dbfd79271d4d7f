package dev.vigil.node.procfs;

/**
 * {@code /proc/net/stat/nf_conntrack}: a header, then one line of seventeen hexadecimal counters
 * per CPU. The columns have been renamed across kernels ({@code searched} became {@code clashres},
 * {@code delete_list} became {@code chainlength}) but never moved, so they are read by position,
 * and the per-CPU values summed.
 *
 * @param found searched entries which were found
 * @param invalid packets that could not be tracked
 * @param ignore packets already connected to an entry
 * @param insert entries inserted
 * @param insertFailed entries whose insertion failed
 * @param drop packets dropped because of a conntrack failure
 * @param earlyDrop entries dropped to make room when the table was full
 * @param searchRestart lookups restarted because of a hash table resize
 */
public record ConntrackStat(long found, long invalid, long ignore, long insert, long insertFailed, long drop,
        long earlyDrop, long searchRestart) {

    private static final int COLUMNS = 17;

    /**
     * Sums the per-CPU lines (unsigned 64-bit, wrapping like node_exporter's uint64 sums).
     *
     * @throws IllegalArgumentException for a line (blank ones included) without exactly seventeen
     *     columns, or a column that is not hexadecimal
     */
    public static ConntrackStat parse(String text) {
        long found = 0;
        long invalid = 0;
        long ignore = 0;
        long insert = 0;
        long insertFailed = 0;
        long drop = 0;
        long earlyDrop = 0;
        long searchRestart = 0;
        String[] lines = GoFields.lines(text);
        int count = lines.length;
        for (int i = 1; i < count; i++) {
            String[] fields = GoFields.split(lines[i]);
            if (fields.length != COLUMNS) {
                throw new IllegalArgumentException("invalid conntrackstat entry, missing fields: " + lines[i].strip());
            }
            found += hex(fields[2]);
            invalid += hex(fields[4]);
            ignore += hex(fields[5]);
            insert += hex(fields[8]);
            insertFailed += hex(fields[9]);
            drop += hex(fields[10]);
            earlyDrop += hex(fields[11]);
            searchRestart += hex(fields[16]);
        }
        return new ConntrackStat(found, invalid, ignore, insert, insertFailed, drop, earlyDrop, searchRestart);
    }

    private static long hex(String field) {
        try {
            return Long.parseUnsignedLong(field, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid conntrackstat value " + field, e);
        }
    }
}
