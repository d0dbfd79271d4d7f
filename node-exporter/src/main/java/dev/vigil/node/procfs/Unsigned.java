package dev.vigil.node.procfs;

/** Unsigned 64-bit counters as the kernel prints them, parsed like Go's {@code strconv.ParseUint}. */
public final class Unsigned {
    private Unsigned() {
    }

    /**
     * Parses decimal digits only (no sign, no spaces) into the bits of an unsigned 64-bit value.
     *
     * @throws NumberFormatException for anything else, or a value above 2^64-1
     */
    public static long parse(String text) {
        if (text.isEmpty() || text.charAt(0) < '0' || text.charAt(0) > '9') {
            throw new NumberFormatException("invalid syntax: \"" + text + "\"");
        }
        return Long.parseUnsignedLong(text);
    }

    /** Parses every field from {@code from} on. */
    public static long[] parseAll(String[] fields, int from) {
        long[] values = new long[Math.max(0, fields.length - from)];
        for (int i = from; i < fields.length; i++) {
            values[i - from] = parse(fields[i]);
        }
        return values;
    }

    /** The unsigned value as a double, as Go's {@code float64(uint64)} converts it. */
    public static double toDouble(long value) {
        if (value >= 0) {
            return value;
        }
        // Halve (keeping the lowest bit so rounding stays correct), convert, double.
        return ((double) ((value >>> 1) | (value & 1))) * 2.0;
    }
}
