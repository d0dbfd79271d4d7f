package dev.vigil.node.procfs;

import java.util.Locale;

/** Go's {@code strconv.ParseFloat(s, 64)} for the decimal forms kernel files use. */
public final class GoFloat {
    private GoFloat() {
    }

    /**
     * Parses {@code text}: an optional sign, digits with an optional point and exponent, or
     * {@code inf}/{@code infinity}/{@code nan} in any case. No surrounding spaces, no Java type
     * suffixes, no hexadecimal.
     *
     * @throws NumberFormatException for anything else
     */
    public static double parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            case "nan", "+nan", "-nan":
                return Double.NaN;
            default:
                break;
        }
        int i = 0;
        int n = text.length();
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && Character.isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(text.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            throw new NumberFormatException("invalid syntax: \"" + text + "\"");
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && Character.isDigit(text.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                throw new NumberFormatException("invalid syntax: \"" + text + "\"");
            }
        }
        if (i != n) {
            throw new NumberFormatException("invalid syntax: \"" + text + "\"");
        }
        return Double.parseDouble(text);
    }
}
