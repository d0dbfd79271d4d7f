package dev.vigil.promql.parser;

import java.nio.charset.StandardCharsets;

/**
 * The lexer's reading layer: runes decoded from the query's UTF-8 bytes (so positions are byte
 * offsets, as Prometheus reports them), the token being built, and the scans that need no lexer
 * state: numbers, duration units and string escapes, each as 2.42's {@code lex.go} does them.
 */
abstract class RuneScanner {
    static final int EOF = -1;

    final byte[] in;
    int pos;
    int start;
    private int width;
    private Item item;
    /** The quote that opened the string being read. */
    int stringOpen;

    RuneScanner(String input) {
        this.in = input.getBytes(StandardCharsets.UTF_8);
    }

    final int next() {
        if (pos >= in.length) {
            width = 0;
            return EOF;
        }
        int b = in[pos] & 0xff;
        int len = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
        len = Math.min(len, in.length - pos);
        int r = len == 1 ? b : new String(in, pos, len, StandardCharsets.UTF_8).codePointAt(0);
        width = len;
        pos += len;
        return r;
    }

    final int peek() {
        int r = next();
        backup();
        return r;
    }

    final void backup() {
        pos -= width;
    }

    final boolean accept(String valid) {
        int r = next();
        if (r != EOF && valid.indexOf(r) >= 0) {
            return true;
        }
        backup();
        return false;
    }

    final void acceptRun(String valid) {
        while (accept(valid)) {
            // consume
        }
    }

    final String text() {
        return new String(in, start, pos - start, StandardCharsets.UTF_8);
    }

    final void emit(ItemType type) {
        item = new Item(type, start, text());
        start = pos;
    }

    final void ignore() {
        start = pos;
    }

    /** Sets an error token; the caller returns null, which ends lexing. */
    final void error(String message) {
        item = new Item(ItemType.ERROR, start, message);
    }

    final void clearItem() {
        item = null;
    }

    final boolean scanned() {
        return item != null;
    }

    final Item item() {
        return item;
    }

    static boolean isSpace(int r) {
        return r == ' ' || r == '\t' || r == '\n' || r == '\r';
    }

    static boolean isAlpha(int r) {
        return r == '_' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z');
    }

    static boolean isDigit(int r) {
        return '0' <= r && r <= '9';
    }

    static boolean isAlphaNumeric(int r) {
        return isAlpha(r) || isDigit(r);
    }

    /** Checks one escape after a backslash, as 2.42 does; returns the error message or null. */
    final String scanEscape() {
        int ch = next();
        int n;
        int base;
        int max;
        switch (ch) {
            case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\' -> {
                return null;
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                n = 3;
                base = 8;
                max = 255;
            }
            case 'x' -> {
                ch = next();
                n = 2;
                base = 16;
                max = 255;
            }
            case 'u' -> {
                ch = next();
                n = 4;
                base = 16;
                max = Character.MAX_CODE_POINT;
            }
            case 'U' -> {
                ch = next();
                n = 8;
                base = 16;
                max = Character.MAX_CODE_POINT;
            }
            case EOF -> {
                return "escape sequence not terminated";
            }
            default -> {
                if (ch == stringOpen) {
                    return null;
                }
                return "unknown escape sequence " + GoText.unicodeForm(ch);
            }
        }
        long x = 0;
        while (n > 0) {
            int d = digitVal(ch);
            if (d >= base) {
                if (ch == EOF) {
                    return "escape sequence not terminated";
                }
                return "illegal character " + GoText.unicodeForm(ch) + " in escape sequence";
            }
            x = x * base + d;
            n--;
            if (n > 0) {
                ch = next();
            }
        }
        if (x > max || (0xD800 <= x && x < 0xE000)) {
            return "escape sequence is an invalid Unicode code point";
        }
        return null;
    }

    private static int digitVal(int ch) {
        if ('0' <= ch && ch <= '9') {
            return ch - '0';
        } else if ('a' <= ch && ch <= 'f') {
            return ch - 'a' + 10;
        } else if ('A' <= ch && ch <= 'F') {
            return ch - 'A' + 10;
        }
        return 16;
    }

    /**
     * Scans what may be a number (not necessarily a valid one: the parser reports that); true when
     * no letter or digit follows, so the text cannot be the start of a duration.
     */
    final boolean scanNumber() {
        String digits = "0123456789";
        if (accept("0") && accept("xX")) {
            digits = "0123456789abcdefABCDEF";
        }
        acceptRun(digits);
        if (accept(".")) {
            acceptRun(digits);
        }
        if (accept("eE")) {
            accept("+-");
            acceptRun("0123456789");
        }
        return !isAlphaNumeric(peek());
    }

    /** The unit letters of a duration, and any further number-unit pairs (model.ParseDuration checks the rest). */
    final boolean acceptRemainingDuration() {
        if (!accept("smhdwy")) {
            return false;
        }
        accept("s");
        while (accept("0123456789")) {
            acceptRun("0123456789");
            if (!accept("smhdw")) {
                return false;
            }
            accept("s");
        }
        return !isAlphaNumeric(next());
    }
}
