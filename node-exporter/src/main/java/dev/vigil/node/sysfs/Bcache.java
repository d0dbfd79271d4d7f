package dev.vigil.node.sysfs;

import dev.vigil.exporter.host.GoStrconv;
import dev.vigil.node.procfs.GoFloat;
import java.util.List;

/**
 * The value formats of bcache's sysfs attributes ({@code /sys/fs/bcache/<uuid>/...}), read as
 * prometheus/procfs 0.8 reads them. Sizes are "human readable" ({@code 1.5M}, {@code 12.3k}),
 * where the digit after the point is in 1/10.24 units, not tenths; the collector keeps that
 * reading so its numbers match node_exporter's.
 */
public final class Bcache {
    private Bcache() {
    }

    /** {@code writeback_rate_debug} of a backing device; sizes in bytes, next I/O in milliseconds. */
    public record WritebackRateDebug(long rate, long dirty, long target, long proportional, long integral,
            long change, long nextIo) {
    }

    /** The two percentages node_exporter takes from a cache device's {@code priority_stats}. */
    public record PriorityStats(long unusedPercent, long metadataPercent) {
    }

    /**
     * An attribute file's value: its content less the last character (the newline), dehumanized.
     *
     * @throws IllegalArgumentException if it does not parse
     */
    public static long attribute(String content) {
        if (content.isEmpty()) {
            throw new IllegalArgumentException("zero-length reply");
        }
        return dehumanize(content.substring(0, content.length() - 1));
    }

    /**
     * A size such as {@code 4096}, {@code 1.5k} or {@code 20.4G} as an unsigned 64-bit value. An
     * unknown suffix letter multiplies by zero, as in procfs.
     *
     * @throws IllegalArgumentException if the number does not parse
     */
    public static long dehumanize(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("zero-length reply");
        }
        char last = text.charAt(text.length() - 1);
        double value;
        try {
            if (last > '9') {
                double multiplier = switch (last) {
                    case 'k' -> 0x1p10;
                    case 'M' -> 0x1p20;
                    case 'G' -> 0x1p30;
                    case 'T' -> 0x1p40;
                    case 'P' -> 0x1p50;
                    case 'E' -> 0x1p60;
                    case 'Z' -> 0x1p70;
                    case 'Y' -> 0x1p80;
                    default -> 0;
                };
                value = pseudoFloat(text.substring(0, text.length() - 1)) * multiplier;
            } else {
                value = GoFloat.parse(text);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cannot parse \"" + text + "\": " + e.getMessage(), e);
        }
        return toUint64(value);
    }

    /** {@link #dehumanize} with an optional leading minus sign. */
    public static long dehumanizeSigned(String text) {
        boolean negative = text.startsWith("-");
        long value = dehumanize(negative ? text.substring(1) : text);
        return negative ? -value : value;
    }

    /**
     * Parses {@code writeback_rate_debug}. Lines it does not know are skipped.
     *
     * @throws IllegalArgumentException if a known line's value does not parse
     */
    public static WritebackRateDebug writebackRateDebug(String text) {
        long rate = 0;
        long dirty = 0;
        long target = 0;
        long proportional = 0;
        long integral = 0;
        long change = 0;
        long nextIo = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("rate:")) {
                rate = dehumanize(trimSuffix(lastField(line), "/sec"));
            } else if (line.startsWith("dirty:")) {
                dirty = dehumanize(lastField(line));
            } else if (line.startsWith("target:")) {
                target = dehumanize(lastField(line));
            } else if (line.startsWith("proportional:")) {
                proportional = dehumanizeSigned(lastField(line));
            } else if (line.startsWith("integral:")) {
                integral = dehumanizeSigned(lastField(line));
            } else if (line.startsWith("change:")) {
                change = dehumanizeSigned(trimSuffix(lastField(line), "/sec"));
            } else if (line.startsWith("next io:")) {
                String value = trimSuffix(lastField(line), "ms");
                try {
                    nextIo = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("cannot parse \"" + value + "\"", e);
                }
            }
        }
        return new WritebackRateDebug(rate, dirty, target, proportional, integral, change, nextIo);
    }

    /**
     * Parses {@code priority_stats}: the {@code Unused:} and {@code Metadata:} percentages.
     *
     * @throws IllegalArgumentException if one of them does not parse
     */
    public static PriorityStats priorityStats(String text) {
        long unused = 0;
        long metadata = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("Unused:")) {
                unused = percent(line);
            } else if (line.startsWith("Metadata:")) {
                metadata = percent(line);
            }
        }
        return new PriorityStats(unused, metadata);
    }

    private static long percent(String line) {
        String value = trimSuffix(lastField(line), "%");
        try {
            if (value.isEmpty() || !Character.isDigit(value.charAt(0))) {
                throw new NumberFormatException(value);
            }
            return Long.parseUnsignedLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cannot parse \"" + value + "\"", e);
        }
    }

    /** The integer part plus the digits after the point divided by 10.24. */
    private static double pseudoFloat(String text) {
        String[] parts = text.split("\\.", -1);
        double integer = GoFloat.parse(parts[0]);
        if (parts.length == 1) {
            return integer;
        }
        return integer + GoFloat.parse(parts[1]) / 10.24;
    }

    /** Go's conversion of a float64 to uint64, for the non-negative values sizes are. */
    private static long toUint64(double value) {
        if (value >= 0x1p63) {
            return (long) (value - 0x1p63) ^ Long.MIN_VALUE;
        }
        return (long) value;
    }

    private static String lastField(String line) {
        List<String> fields = GoStrconv.fields(line);
        return fields.isEmpty() ? "" : fields.get(fields.size() - 1);
    }

    private static String trimSuffix(String text, String suffix) {
        return text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
    }
}
