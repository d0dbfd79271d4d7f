package dev.vigil.node.procfs;

/**
 * One {@code /proc/pressure/<resource>} file (pressure stall information, Linux 4.20+): the
 * {@code some} line (at least one task stalled) and, where the kernel gives it, the {@code full}
 * line (all non-idle tasks stalled). Lines with other prefixes are skipped.
 *
 * @param some the {@code some} line, or null if absent
 * @param full the {@code full} line, or null if absent
 */
public record Pressure(Line some, Line full) {

    /**
     * One line: averages over 10, 60 and 300 seconds (percent) and the total stall time.
     *
     * @param totalMicroseconds the total stall time in microseconds
     */
    public record Line(double avg10, double avg60, double avg300, double totalMicroseconds) {
    }

    /**
     * Parses e.g. {@code some avg10=0.00 avg60=0.00 avg300=0.00 total=12345}.
     *
     * @throws IllegalArgumentException if a {@code some} or {@code full} line is malformed
     */
    public static Pressure parse(String text) {
        Line some = null;
        Line full = null;
        TextCursor in = new TextCursor(text);
        while (in.nextLine()) {
            String line = in.line();
            if (line.startsWith("some ")) {
                in.skipField();
                some = parseLine(in, line);
            } else if (line.startsWith("full ")) {
                in.skipField();
                full = parseLine(in, line);
            }
        }
        return new Pressure(some, full);
    }

    private static Line parseLine(TextCursor in, String line) {
        try {
            double avg10 = TextCursor.parseGoFloat(value(in, "avg10=", line));
            double avg60 = TextCursor.parseGoFloat(value(in, "avg60=", line));
            double avg300 = TextCursor.parseGoFloat(value(in, "avg300=", line));
            String total = value(in, "total=", line);
            if (total.isEmpty() || !total.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("bad total in \"" + line + "\"");
            }
            Long.parseUnsignedLong(total); // at most 2^64-1
            return new Line(avg10, avg60, avg300, Double.parseDouble(total));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed pressure line \"" + line + "\"", e);
        }
    }

    private static String value(TextCursor in, String key, String line) {
        String field = in.field();
        if (!field.startsWith(key)) {
            throw new IllegalArgumentException("expected " + key + " in \"" + line + "\"");
        }
        return field.substring(key.length());
    }
}
