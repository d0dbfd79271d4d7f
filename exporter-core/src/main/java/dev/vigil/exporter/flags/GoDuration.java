package dev.vigil.exporter.flags;

import java.time.Duration;

/**
 * Parses durations as Go's {@code time.ParseDuration} and Prometheus' {@code model.Duration} write
 * them: a sequence of number-unit pairs such as {@code 300ms}, {@code 1m30s}, {@code 2h} or {@code
 * 1d}. Units: ns, us (or µs), ms, s, m, h, d, w, y (365 days). A bare {@code 0} is zero.
 */
public final class GoDuration {
    private GoDuration() {
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException with the text and the reason
     */
    public static Duration parse(String text) {
        String s = text.trim();
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("invalid duration \"\": empty");
        }
        long nanos = 0;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("invalid duration \"" + text + "\": expected a number at offset " + i);
            }
            double number = Double.parseDouble(s.substring(start, i));
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            String unit = s.substring(unitStart, i);
            long unitNanos = switch (unit) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                case "d" -> 86_400_000_000_000L;
                case "w" -> 7 * 86_400_000_000_000L;
                case "y" -> 365 * 86_400_000_000_000L;
                case "" -> throw new IllegalArgumentException("invalid duration \"" + text + "\": missing unit");
                default -> throw new IllegalArgumentException(
                        "invalid duration \"" + text + "\": unknown unit \"" + unit + "\"");
            };
            nanos = Math.addExact(nanos, (long) (number * unitNanos));
        }
        return Duration.ofNanos(nanos);
    }

    /** Formats a duration the way Go prints it, e.g. {@code 1m30s} or {@code 500ms}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        StringBuilder out = new StringBuilder();
        long hours = duration.toHours();
        if (hours > 0) {
            out.append(hours).append('h');
        }
        int minutes = duration.toMinutesPart();
        if (minutes > 0) {
            out.append(minutes).append('m');
        }
        int seconds = duration.toSecondsPart();
        int ms = duration.toMillisPart();
        if (seconds > 0 || ms > 0) {
            out.append(seconds);
            if (ms > 0) {
                out.append('.').append(String.format("%03d", ms).replaceAll("0+$", ""));
            }
            out.append('s');
        }
        return out.toString();
    }
}
