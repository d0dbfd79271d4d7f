package dev.vigil.promql.parser;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * A number token's value as 2.42's {@code parser.number} gets it: Go's {@code strconv.ParseInt(s,
 * 0, 64)} first (so {@code 0x1f} is hex and {@code 010} is octal), then {@code strconv.ParseFloat}.
 */
final class Numbers {
    private static final Pattern DECIMAL_FLOAT = Pattern.compile("([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final BigInteger MAX_INT64 = BigInteger.valueOf(Long.MAX_VALUE);

    private Numbers() {
    }

    /** The value; the exception's message is the text after {@code error parsing number: }. */
    static double parse(String s) {
        Long asInt = parseInt(s);
        if (asInt != null) {
            return asInt;
        }
        return parseFloat(s);
    }

    /** ParseInt with base 0, for the forms the lexer can produce; null where Go reports an error. */
    private static Long parseInt(String s) {
        String digits = s;
        int radix = 10;
        if (s.length() > 1 && s.charAt(0) == '0') {
            char c = s.charAt(1);
            if (c == 'x' || c == 'X') {
                radix = 16;
                digits = s.substring(2);
            } else {
                radix = 8;
                digits = s.substring(1);
            }
        }
        if (digits.isEmpty()) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0 || digits.charAt(i) > 'f') {
                return null;
            }
        }
        BigInteger v = new BigInteger(digits, radix);
        return v.compareTo(MAX_INT64) > 0 ? null : v.longValue();
    }

    private static double parseFloat(String s) {
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("inf") || lower.equals("infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        if (lower.equals("nan")) {
            return Double.NaN;
        }
        if (!DECIMAL_FLOAT.matcher(s).matches()) {
            throw new IllegalArgumentException("strconv.ParseFloat: parsing " + GoText.quote(s) + ": invalid syntax");
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d)) {
            throw new IllegalArgumentException(
                    "strconv.ParseFloat: parsing " + GoText.quote(s) + ": value out of range");
        }
        return d;
    }
}
