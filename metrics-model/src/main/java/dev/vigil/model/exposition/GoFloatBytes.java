package dev.vigil.model.exposition;

import java.nio.charset.StandardCharsets;

/**
 * Go's {@code strconv.ParseFloat(s, 64)} over a byte range, with Prometheus' extra rule that
 * {@code p}, {@code P} and {@code _} are refused (pre-Go-1.13 float syntax). Short decimals, which
 * are nearly all of an exposition's values, take an exact fast path (at most 15 significant digits
 * and a power of ten up to 22: one correctly rounded multiplication or division); anything else
 * goes through the JDK's correctly rounded parser after a Go syntax check.
 */
final class GoFloatBytes {
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };

    private GoFloatBytes() {
    }

    /** The value of {@code b[from, to)}; an error worded as Go's strconv when it is not a float. */
    static double parse(byte[] b, int from, int to) throws ExpositionException {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean any = false;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            any = true;
            if (digits < 19) {
                mantissa = mantissa * 10 + (b[i] - '0');
                if (mantissa != 0) {
                    digits++;
                }
            } else {
                return slow(b, from, to);
            }
            i++;
        }
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                any = true;
                if (digits < 19) {
                    mantissa = mantissa * 10 + (b[i] - '0');
                    if (mantissa != 0) {
                        digits++;
                    }
                    scale--;
                } else {
                    return slow(b, from, to);
                }
                i++;
            }
        }
        if (!any) {
            return slow(b, from, to);
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                expNegative = b[i] == '-';
                i++;
            }
            int exp = 0;
            int expDigits = 0;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                if (exp < 100_000) {
                    exp = exp * 10 + (b[i] - '0');
                }
                expDigits++;
                i++;
            }
            if (expDigits == 0) {
                throw syntax(b, from, to);
            }
            scale += expNegative ? -exp : exp;
        }
        if (i != to) {
            return slow(b, from, to);
        }
        if (digits > 15 || scale > 22 || scale < -22) {
            return slow(b, from, to);
        }
        double value = mantissa;
        value = scale >= 0 ? value * POW10[scale] : value / POW10[-scale];
        return negative ? -value : value;
    }

    /** The general case: Go's syntax checked here, the rounding left to the JDK (both are exact). */
    private static double slow(byte[] b, int from, int to) throws ExpositionException {
        String s = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'p' || c == 'P' || c == '_') {
                throw new ExpositionException("unsupported character in float");
            }
        }
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        String rest = s.substring(i);
        if (rest.equalsIgnoreCase("inf") || rest.equalsIgnoreCase("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (i == 0 && rest.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        if (!isDecimal(rest)) {
            throw syntax(b, from, to);
        }
        double value = Double.parseDouble(s);
        if (Double.isInfinite(value)) {
            throw new ExpositionException("strconv.ParseFloat: parsing " + GoQuote.quote(b, from, to)
                    + ": value out of range");
        }
        return value;
    }

    /** {@code digits [. digits] [e [sign] digits]} or {@code . digits ...}: Go's decimal float. */
    private static boolean isDecimal(String s) {
        int i = 0;
        int mantissaDigits = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
            mantissaDigits++;
        }
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                mantissaDigits++;
            }
        }
        if (mantissaDigits == 0) {
            return false;
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == s.length();
    }

    private static ExpositionException syntax(byte[] b, int from, int to) {
        return new ExpositionException("strconv.ParseFloat: parsing " + GoQuote.quote(b, from, to) + ": invalid syntax");
    }

    /** Go's {@code strconv.ParseInt(s, 10, 64)} over digits only (the lexer admits nothing else). */
    static long parseLong(byte[] b, int from, int to) throws ExpositionException {
        long value = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (value > (Long.MAX_VALUE - d) / 10) {
                throw new ExpositionException("strconv.ParseInt: parsing " + GoQuote.quote(b, from, to)
                        + ": value out of range");
            }
            value = value * 10 + d;
        }
        return value;
    }
}
