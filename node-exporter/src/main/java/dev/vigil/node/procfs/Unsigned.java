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

    /**
     * Parses like Go's {@code strconv.ParseUint(s, 0, 64)}, as sysfs readers do: a {@code 0x}
     * prefix means hexadecimal, {@code 0o} or a leading {@code 0} octal, {@code 0b} binary;
     * underscores may separate digits after a prefix.
     *
     * @throws NumberFormatException for anything else, or a value above 2^64-1
     */
    public static long parseAnyBase(String text) {
        String digits = text;
        int radix = 10;
        if (text.length() > 1 && text.charAt(0) == '0') {
            char prefix = Character.toLowerCase(text.charAt(1));
            if (prefix == 'x' || prefix == 'o' || prefix == 'b') {
                radix = prefix == 'x' ? 16 : prefix == 'o' ? 8 : 2;
                digits = text.substring(2).replace("_", "");
            } else {
                radix = 8;
                digits = text.substring(1).replace("_", "");
            }
        }
        if (digits.isEmpty() || Character.digit(digits.charAt(0), radix) < 0) {
            throw new NumberFormatException("invalid syntax: \"" + text + "\"");
        }
        return Long.parseUnsignedLong(digits, radix);
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
