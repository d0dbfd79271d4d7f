package dev.vigil.promql.script;

import java.util.regex.Pattern;

/** Numbers as scripts write them: {@code 1}, {@code -2.5}, {@code 1e3}, {@code Inf}, {@code NaN}. */
final class ScriptValues {
    /** What Go's ParseInt (base 0) or ParseFloat accept, less hex floats and digit underscores. */
    private static final Pattern NUMBER = Pattern.compile(
            "[+-]?(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+"
                    + "|(?i:inf|infinity|nan))");

    private ScriptValues() {
    }

    /**
     * A whole line that is one number (an expected scalar), as Prometheus' test reads it; null if
     * the line is not a number.
     */
    static Double parseScalarLine(String text) {
        if (!NUMBER.matcher(text).matches()) {
            return null;
        }
        boolean negative = text.startsWith("-");
        String body = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        String lower = body.toLowerCase();
        double v;
        if (lower.equals("inf") || lower.equals("infinity")) {
            v = Double.POSITIVE_INFINITY;
        } else if (lower.equals("nan")) {
            v = Double.NaN;
        } else if (lower.startsWith("0x")) {
            v = Long.parseLong(body.substring(2), 16);
        } else if (lower.startsWith("0b")) {
            v = Long.parseLong(body.substring(2), 2);
        } else if (lower.startsWith("0o")) {
            v = Long.parseLong(body.substring(2), 8);
        } else if (body.length() > 1 && body.startsWith("0") && body.chars().allMatch(c -> c >= '0' && c <= '7')) {
            v = Long.parseLong(body, 8); // Go's base-0 ParseInt reads a leading 0 as octal
        } else {
            v = Double.parseDouble(body);
        }
        return negative ? -v : v;
    }

    /** A value as a script would write it, exactly (shortest text that reads back the same double). */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return (v == 0 && 1 / v < 0 ? "-" : "") + Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
