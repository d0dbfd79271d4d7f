package dev.vigil.alerting.template;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Go literal syntax: quoted, raw and rune strings, and numbers with Go's int/float split. */
final class Literals {
    private Literals() {
    }

    /** A quoted literal Go's {@code strconv.Unquote} refuses. */
    static final class InvalidSyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidSyntaxException() {
            super("invalid syntax");
        }
    }

    /**
     * The value of a quoted ({@code "..."}, {@code '...'}) or raw literal, as Go's
     * {@code strconv.Unquote}: Go strings are bytes, so {@code \x} and octal escapes are bytes and
     * {@code "\xe2\x82\xac"} is "€"; bytes that are not UTF-8 become U+FFFD, as a Java string
     * cannot hold them. An unknown escape, a short hex or octal one, an octal above 255, a
     * surrogate or out-of-range rune, or {@code \'} in a string ({@code \"} in a rune) is
     * invalid syntax, as in Go.
     */
    static String unquote(String s) throws InvalidSyntaxException {
        if (s.startsWith("`")) {
            return s.substring(1, s.length() - 1).replace("\r", "");
        }
        char quote = s.charAt(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int k = 1; k < s.length() - 1; k++) {
            char c = s.charAt(k);
            if (c != '\\') {
                int end = Character.isHighSurrogate(c) && k + 1 < s.length() - 1 ? k + 2 : k + 1;
                out.writeBytes(s.substring(k, end).getBytes(StandardCharsets.UTF_8));
                k = end - 1;
                continue;
            }
            if (++k >= s.length() - 1) {
                throw new InvalidSyntaxException();
            }
            char e = s.charAt(k);
            switch (e) {
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case 'a' -> out.write(7);
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'v' -> out.write(11);
                case '\\' -> out.write('\\');
                case '"', '\'' -> {
                    if (e != quote) {
                        throw new InvalidSyntaxException();
                    }
                    out.write(e);
                }
                case 'x' -> {
                    writeByte(out, digits(s, k + 1, 2, 16), quote);
                    k += 2;
                }
                case 'u', 'U' -> {
                    int n = e == 'u' ? 4 : 8;
                    int rune = digits(s, k + 1, n, 16);
                    if (rune > Character.MAX_CODE_POINT || (rune >= 0xD800 && rune <= 0xDFFF)) {
                        throw new InvalidSyntaxException();
                    }
                    out.writeBytes(Character.toString(rune).getBytes(StandardCharsets.UTF_8));
                    k += n;
                }
                default -> {
                    int v = digits(s, k, 3, 8);
                    if (v > 255) {
                        throw new InvalidSyntaxException();
                    }
                    writeByte(out, v, quote);
                    k += 2;
                }
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A byte escape: a byte in a string, the rune of that value in a rune literal ({@code '\\xe9'} is 'é'). */
    private static void writeByte(ByteArrayOutputStream out, int value, char quote) {
        if (quote == '\'') {
            out.writeBytes(Character.toString(value).getBytes(StandardCharsets.UTF_8));
        } else {
            out.write(value);
        }
    }

    /** The value of {@code count} digits in {@code radix} at {@code s[from]}, before the closing quote. */
    private static int digits(String s, int from, int count, int radix) throws InvalidSyntaxException {
        if (from + count > s.length() - 1) {
            throw new InvalidSyntaxException();
        }
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = Character.digit(s.charAt(i), radix);
            if (d < 0) {
                throw new InvalidSyntaxException();
            }
            v = v * radix + d;
        }
        return v;
    }

    /**
     * Go's template constants: text with {@code . e E p P} (and not hex) is float64, otherwise int
     * ({@code idealConstant} in text/template's exec.go).
     */
    static <E extends Exception> Object number(String text, Supplier<E> bad) throws E {
        String t = text.replace("_", "");
        boolean neg = t.startsWith("-");
        String body = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        try {
            String lower = body.toLowerCase();
            if (lower.startsWith("0x")) {
                long v = Long.parseLong(lower.substring(2), 16);
                return neg ? -v : v;
            }
            if (lower.startsWith("0b")) {
                long v = Long.parseLong(lower.substring(2), 2);
                return neg ? -v : v;
            }
            if (lower.startsWith("0o")) {
                long v = Long.parseLong(lower.substring(2), 8);
                return neg ? -v : v;
            }
            if (lower.matches(".*[.e].*")) {
                if (!lower.matches("(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
                    throw bad.get();
                }
                double v = Double.parseDouble(body);
                return neg ? -v : v;
            }
            if (lower.length() > 1 && lower.startsWith("0")) {
                long v = Long.parseLong(lower.substring(1), 8);
                return neg ? -v : v;
            }
            long v = Long.parseLong(body);
            return neg ? -v : v;
        } catch (NumberFormatException e) {
            throw bad.get();
        }
    }
}
