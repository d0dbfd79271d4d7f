package dev.vigil.exporter.host;

import java.nio.charset.StandardCharsets;
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

    /**
     * Decodes UTF-8 as Go's {@code strings.ToValidUTF8(s, "\uFFFD")} leaves it: every run of bytes
     * that is not valid UTF-8 becomes one replacement character.
     */
    public static String decodeUtf8(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end && bytes[i] >= 0) {
            i++;
        }
        if (i == end) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        StringBuilder out = new StringBuilder(length);
        out.append(new String(bytes, offset, i - offset, StandardCharsets.ISO_8859_1));
        boolean invalid = false;
        while (i < end) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                out.append((char) b);
                invalid = false;
                i++;
                continue;
            }
            int size;
            int lo = 0x80;
            int hi = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                size = 2;
            } else if (b >= 0xE0 && b <= 0xEF) {
                size = 3;
                lo = b == 0xE0 ? 0xA0 : 0x80;
                hi = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                size = 4;
                lo = b == 0xF0 ? 0x90 : 0x80;
                hi = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                size = 0;
            }
            boolean ok = size > 0 && i + size <= end;
            for (int k = 1; ok && k < size; k++) {
                int c = bytes[i + k] & 0xFF;
                ok = k == 1 ? c >= lo && c <= hi : c >= 0x80 && c <= 0xBF;
            }
            if (!ok) {
                if (!invalid) {
                    out.append('\uFFFD');
                    invalid = true;
                }
                i++;
                continue;
            }
            int cp = size == 2 ? b & 0x1F : size == 3 ? b & 0x0F : b & 0x07;
            for (int k = 1; k < size; k++) {
                cp = (cp << 6) | (bytes[i + k] & 0x3F);
            }
            out.appendCodePoint(cp);
            invalid = false;
            i += size;
        }
        return out.toString();
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
        OptionalLong magnitude = parseUintBase0(digits, s);
        if (magnitude.isEmpty()) {
            return magnitude;
        }
        long value = magnitude.getAsLong();
        if (!negative && Long.compareUnsigned(value, Long.MIN_VALUE) >= 0) {
            return OptionalLong.empty();
        }
        if (negative && Long.compareUnsigned(value, Long.MIN_VALUE) > 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(negative ? -value : value);
    }

    /**
     * Go's {@code strconv.ParseUint(s, 0, 64)}: no sign; the 64 bits of the unsigned value (see
     * {@link #unsignedToDouble(long)}), or empty if {@code s} is not such a number.
     */
    public static OptionalLong parseUint(String s) {
        return parseUintBase0(s, s);
    }

    private static OptionalLong parseUintBase0(String digits, String whole) {
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
            char lower = Character.toLowerCase(c);
            int d;
            if (c == '_') {
                underscores = true;
                continue;
            } else if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (lower >= 'a' && lower <= 'z') {
                d = lower - 'a' + 10;
            } else {
                return OptionalLong.empty();
            }
            if (d >= base || Long.compareUnsigned(value, cutoff) >= 0) {
                return OptionalLong.empty();
            }
            long next = value * base + d;
            if (Long.compareUnsigned(next, value * base) < 0) {
                return OptionalLong.empty();
            }
            value = next;
        }
        if (underscores && !underscoreOk(whole)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(value);
    }

    /**
     * Go's {@code strconv.ParseInt(s, 10, 64)}: an optional sign and ASCII digits, nothing else.
     *
     * @throws NumberFormatException with Go's message if {@code s} is not such a number
     */
    public static long parseDecimal(String s) {
        int start = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        boolean ok = s.length() > start;
        for (int i = start; ok && i < s.length(); i++) {
            ok = s.charAt(i) >= '0' && s.charAt(i) <= '9';
        }
        if (!ok) {
            throw new NumberFormatException("strconv.ParseInt: parsing \"" + s + "\": invalid syntax");
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("strconv.ParseInt: parsing \"" + s + "\": value out of range");
        }
    }

    /**
     * Go's {@code strconv.ParseUint(s, 10, 64)}: ASCII digits only, up to 2^64-1 (returned as the
     * same 64 bits; read them with {@link Long#toUnsignedString(long)} or as a double with {@link
     * #unsignedToDouble(long)}).
     *
     * @throws NumberFormatException if {@code s} is not such a number
     */
    public static long parseUnsignedDecimal(String s) {
        boolean ok = !s.isEmpty();
        for (int i = 0; ok && i < s.length(); i++) {
            ok = s.charAt(i) >= '0' && s.charAt(i) <= '9';
        }
        if (!ok) {
            throw new NumberFormatException("strconv.ParseUint: parsing \"" + s + "\": invalid syntax");
        }
        try {
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("strconv.ParseUint: parsing \"" + s + "\": value out of range");
        }
    }

    /** An unsigned 64-bit number as the nearest double, as Go's {@code float64(uint64)} converts it. */
    public static double unsignedToDouble(long value) {
        if (value >= 0) {
            return value;
        }
        // halve (keeping the low bit so rounding stays right), convert, double
        return ((value >>> 1) | (value & 1)) * 2.0;
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
