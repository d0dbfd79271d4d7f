package dev.vigil.node.sysfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The few Go text rules node_exporter's readers depend on, so that odd attribute contents give the
 * same result here: {@code strings.TrimSpace}, {@code strconv.ParseInt(s, 0, 64)} (base from the
 * prefix: {@code 0x}, {@code 0o} or a leading {@code 0}, {@code 0b}; underscores between digits) and
 * {@code strconv.ParseFloat(s, 64)} (no surrounding spaces, no Java {@code d}/{@code f} suffixes).
 */
public final class GoStrconv {
    private GoStrconv() {
    }

    /** Go's {@code unicode.IsSpace}. */
    public static boolean isSpace(int c) {
        return switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
            default -> c > 0xFF && Character.isSpaceChar(c);
        };
    }

    /** Go's {@code strings.TrimSpace}. */
    public static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    /** Go's {@code strings.Fields}: the runs of non-space characters. */
    public static List<String> fields(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    /**
     * Go's {@code strconv.ParseInt(s, 0, 64)}: empty if {@code s} is not such an integer or does not
     * fit in 64 bits.
     */
    public static OptionalLong parseInt(String s) {
        String digits = s;
        boolean negative = false;
        if (!digits.isEmpty() && (digits.charAt(0) == '+' || digits.charAt(0) == '-')) {
            negative = digits.charAt(0) == '-';
            digits = digits.substring(1);
        }
        if (digits.isEmpty()) {
            return OptionalLong.empty();
        }
        int base = 10;
        if (digits.charAt(0) == '0') {
            char p = digits.length() >= 3 ? Character.toLowerCase(digits.charAt(1)) : 0;
            if (p == 'b' || p == 'o' || p == 'x') {
                base = p == 'b' ? 2 : p == 'o' ? 8 : 16;
                digits = digits.substring(2);
            } else {
                base = 8;
                digits = digits.substring(1);
            }
        }
        long cutoff = Long.divideUnsigned(-1L, base) + 1;
        long value = 0;
        boolean underscores = false;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int d;
            if (c == '_') {
                underscores = true;
                continue;
            } else if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (Character.toLowerCase(c) >= 'a' && Character.toLowerCase(c) <= 'z') {
                d = Character.toLowerCase(c) - 'a' + 10;
            } else {
                return OptionalLong.empty();
            }
            if (d >= base) {
                return OptionalLong.empty();
            }
            if (Long.compareUnsigned(value, cutoff) >= 0) {
                return OptionalLong.empty();
            }
            long next = value * base + d;
            if (Long.compareUnsigned(next, value * base) < 0) {
                return OptionalLong.empty();
            }
            value = next;
        }
        if (underscores && !underscoreOk(s)) {
            return OptionalLong.empty();
        }
        if (!negative && Long.compareUnsigned(value, Long.MIN_VALUE) >= 0) {
            return OptionalLong.empty();
        }
        if (negative && Long.compareUnsigned(value, Long.MIN_VALUE) > 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(negative ? -value : value);
    }

    /** Go's {@code underscoreOK}: underscores only between digits or after a base prefix. */
    private static boolean underscoreOk(String s) {
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0') {
            char p = Character.toLowerCase(s.charAt(1));
            if (p == 'b' || p == 'o' || p == 'x') {
                i = 2;
                saw = '0';
                hex = p == 'x';
            }
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            char lower = Character.toLowerCase(c);
            if ((c >= '0' && c <= '9') || (hex && lower >= 'a' && lower <= 'f')) {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }

    /**
     * Go's {@code strconv.ParseFloat(s, 64)} for decimal text (with Go's digit-separating
     * underscores), infinities and NaN; empty otherwise. Hexadecimal floats are not accepted.
     */
    public static OptionalDouble parseFloat(String s) {
        int n = s.length();
        if (n == 0) {
            return OptionalDouble.empty();
        }
        int i = 0;
        boolean negative = false;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        String rest = s.substring(i);
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.equals("inf") || lower.equals("infinity")) {
            return OptionalDouble.of(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        if (lower.equals("nan") && i == 0) {
            return OptionalDouble.of(Double.NaN);
        }
        if (rest.indexOf('_') >= 0) {
            if (!underscoreOk(s)) {
                return OptionalDouble.empty();
            }
            rest = rest.replace("_", "");
            s = (negative ? "-" : "") + rest;
        }
        boolean digits = false;
        boolean dot = false;
        boolean exponent = false;
        for (int j = 0; j < rest.length(); j++) {
            char c = rest.charAt(j);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !dot && !exponent) {
                dot = true;
            } else if ((c == 'e' || c == 'E') && digits && !exponent) {
                exponent = true;
                if (j + 1 < rest.length() && (rest.charAt(j + 1) == '+' || rest.charAt(j + 1) == '-')) {
                    j++;
                }
                if (j + 1 >= rest.length()) {
                    return OptionalDouble.empty();
                }
            } else {
                return OptionalDouble.empty();
            }
        }
        if (!digits) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
