package dev.vigil.promql.parser;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Prometheus' {@code strutil.Unquote}: Go's {@code strconv.Unquote}, except that single-quoted
 * strings may hold any number of characters. {@code \x} and octal escapes give single bytes, as
 * in Go, and the bytes are read back as UTF-8.
 */
final class Unquote {
    /** Go's {@code strconv.ErrSyntax} text. */
    static final String SYNTAX = "invalid syntax";

    private Unquote() {
    }

    /** The string a quoted token stands for; IllegalArgumentException("invalid syntax") if malformed. */
    static String unquote(String quoted) {
        byte[] s = quoted.getBytes(StandardCharsets.UTF_8);
        int n = s.length;
        if (n < 2 || s[0] != s[n - 1]) {
            throw new IllegalArgumentException(SYNTAX);
        }
        byte quote = s[0];
        if (quote == '`') {
            for (int i = 1; i < n - 1; i++) {
                if (s[i] == '`') {
                    throw new IllegalArgumentException(SYNTAX);
                }
            }
            return quoted.substring(1, quoted.length() - 1);
        }
        if (quote != '"' && quote != '\'') {
            throw new IllegalArgumentException(SYNTAX);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(n);
        int i = 1;
        while (i < n - 1) {
            byte c = s[i];
            if (c == quote || c == '\n') {
                throw new IllegalArgumentException(SYNTAX);
            }
            if (c != '\\') {
                out.write(c);
                i++;
                continue;
            }
            i = escape(s, i + 1, n - 1, quote, out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Decodes the escape whose letter is at {@code i}; returns the index after it. */
    private static int escape(byte[] s, int i, int end, byte quote, ByteArrayOutputStream out) {
        if (i >= end) {
            throw new IllegalArgumentException(SYNTAX);
        }
        byte c = s[i++];
        switch (c) {
            case 'a' -> out.write(7);
            case 'b' -> out.write('\b');
            case 'f' -> out.write('\f');
            case 'n' -> out.write('\n');
            case 'r' -> out.write('\r');
            case 't' -> out.write('\t');
            case 'v' -> out.write(11);
            case '\\' -> out.write('\\');
            case '\'', '"' -> {
                if (c != quote) {
                    throw new IllegalArgumentException(SYNTAX);
                }
                out.write(c);
            }
            case 'x', 'u', 'U' -> {
                int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
                if (end - i < digits) {
                    throw new IllegalArgumentException(SYNTAX);
                }
                long v = 0;
                for (int j = 0; j < digits; j++) {
                    int x = Character.digit(s[i + j], 16);
                    if (x < 0) {
                        throw new IllegalArgumentException(SYNTAX);
                    }
                    v = v << 4 | x;
                }
                i += digits;
                if (c == 'x') {
                    out.write((int) v);
                } else {
                    if (v > Character.MAX_CODE_POINT) {
                        throw new IllegalArgumentException(SYNTAX);
                    }
                    int cp = v >= 0xD800 && v < 0xE000 ? 0xFFFD : (int) v;
                    out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                }
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                if (end - i < 2) {
                    throw new IllegalArgumentException(SYNTAX);
                }
                int v = c - '0';
                for (int j = 0; j < 2; j++) {
                    int x = s[i + j] - '0';
                    if (x < 0 || x > 7) {
                        throw new IllegalArgumentException(SYNTAX);
                    }
                    v = (v << 3) | x;
                }
                i += 2;
                if (v > 255) {
                    throw new IllegalArgumentException(SYNTAX);
                }
                out.write(v);
            }
            default -> throw new IllegalArgumentException(SYNTAX);
        }
        return i;
    }
}
