package dev.vigil.node.procfs;

/**
 * {@code /proc/sys/fs/file-nr}: allocated file handles, free ones (always 0 since Linux 2.6) and
 * the maximum, separated by tabs.
 */
public record FileNr(double allocated, double maximum) {

    /**
     * Parses e.g. {@code "352\t0\t2466170\n"}; like node_exporter, only tabs separate the values.
     *
     * @throws IllegalArgumentException if there are fewer than three values or one is not a number
     */
    public static FileNr parse(String text) {
        String[] parts = text.strip().split("\t", -1);
        if (parts.length < 3) {
            throw new IllegalArgumentException("unexpected number of file stats: " + text.strip());
        }
        return new FileNr(number(parts[0]), number(parts[2]));
    }

    private static double number(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid value " + value + " in file-nr", e);
        }
    }
}
