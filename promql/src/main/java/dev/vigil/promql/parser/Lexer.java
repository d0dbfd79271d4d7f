package dev.vigil.promql.parser;

import java.nio.charset.StandardCharsets;

/**
 * PromQL's lexer, a state machine after Prometheus 2.42's {@code lex.go}: it works on the query's
 * UTF-8 bytes so every position is the byte offset Prometheus reports. Durations are only lexed
 * where 2.42 lexes them (right after {@code [}, or as a number directly followed by a unit), and
 * inside brackets a letter reads as the subquery colon, a 2.42 quirk ({@code x[5m y]} is
 * {@code x[5m:]}).
 */
final class Lexer {
    private static final int EOF = -1;

    /** One lexing state; returns the next, or null when lexing is over. */
    @FunctionalInterface
    private interface State {
        State run();
    }

    private final byte[] in;
    private int pos;
    private int start;
    private int width;
    private State state = this::lexStatements;
    private Item item;

    private int parenDepth;
    private boolean braceOpen;
    private boolean bracketOpen;
    private boolean gotColon;
    private int stringOpen;

    Lexer(String input) {
        this.in = input.getBytes(StandardCharsets.UTF_8);
    }

    /** The next token; an {@link ItemType#ERROR} token carries the message, then only EOF follows. */
    Item nextItem() {
        item = null;
        while (item == null && state != null) {
            state = state.run();
        }
        if (item == null) {
            emit(ItemType.EOF);
        }
        return item;
    }

    // ---- rune level ----

    private int next() {
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

    private int peek() {
        int r = next();
        backup();
        return r;
    }

    private void backup() {
        pos -= width;
    }

    private boolean accept(String valid) {
        int r = next();
        if (r != EOF && valid.indexOf(r) >= 0) {
            return true;
        }
        backup();
        return false;
    }

    private void acceptRun(String valid) {
        while (accept(valid)) {
            // consume
        }
    }

    private String text() {
        return new String(in, start, pos - start, StandardCharsets.UTF_8);
    }

    private void emit(ItemType type) {
        item = new Item(type, start, text());
        start = pos;
    }

    private void ignore() {
        start = pos;
    }

    private State errorf(String message) {
        item = new Item(ItemType.ERROR, start, message);
        return null;
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

    // ---- states ----

    private State lexStatements() {
        if (braceOpen) {
            return this::lexInsideBraces;
        }
        if (pos < in.length && in[pos] == '#') {
            return this::lexLineComment;
        }
        int r = next();
        switch (r) {
            case EOF -> {
                if (parenDepth != 0) {
                    return errorf("unclosed left parenthesis");
                } else if (bracketOpen) {
                    return errorf("unclosed left bracket");
                }
                emit(ItemType.EOF);
                return null;
            }
            case ',' -> emit(ItemType.COMMA);
            case '*' -> emit(ItemType.MUL);
            case '/' -> emit(ItemType.DIV);
            case '%' -> emit(ItemType.MOD);
            case '+' -> emit(ItemType.ADD);
            case '-' -> emit(ItemType.SUB);
            case '^' -> emit(ItemType.POW);
            case '@' -> emit(ItemType.AT);
            case '=' -> {
                int t = peek();
                if (t == '=') {
                    next();
                    emit(ItemType.EQLC);
                } else if (t == '~') {
                    return errorf("unexpected character after '=': " + GoText.quoteRune(t));
                } else {
                    emit(ItemType.EQL);
                }
            }
            case '!' -> {
                int t = next();
                if (t != '=') {
                    return errorf("unexpected character after '!': " + GoText.quoteRune(t));
                }
                emit(ItemType.NEQ);
            }
            case '<', '>' -> {
                if (peek() == '=') {
                    next();
                    emit(r == '<' ? ItemType.LTE : ItemType.GTE);
                } else {
                    emit(r == '<' ? ItemType.LSS : ItemType.GTR);
                }
            }
            case '"', '\'' -> {
                stringOpen = r;
                return this::lexString;
            }
            case '`' -> {
                stringOpen = r;
                return this::lexRawString;
            }
            case '(' -> {
                emit(ItemType.LEFT_PAREN);
                parenDepth++;
            }
            case ')' -> {
                emit(ItemType.RIGHT_PAREN);
                parenDepth--;
                if (parenDepth < 0) {
                    return errorf("unexpected right parenthesis ')'");
                }
            }
            case '{' -> {
                emit(ItemType.LEFT_BRACE);
                braceOpen = true;
                return this::lexInsideBraces;
            }
            case '[' -> {
                if (bracketOpen) {
                    return errorf("unexpected left bracket '['");
                }
                gotColon = false;
                emit(ItemType.LEFT_BRACKET);
                while (isSpace(peek())) {
                    next();
                }
                ignore();
                bracketOpen = true;
                return this::lexDuration;
            }
            case ']' -> {
                if (!bracketOpen) {
                    return errorf("unexpected right bracket ']'");
                }
                emit(ItemType.RIGHT_BRACKET);
                bracketOpen = false;
            }
            default -> {
                return lexOther(r);
            }
        }
        return this::lexStatements;
    }

    /** Spaces, numbers, words and the subquery colon: what {@link #lexStatements} does not spell out. */
    private State lexOther(int r) {
        if (isSpace(r)) {
            return this::lexSpace;
        }
        if (isDigit(r) || (r == '.' && isDigit(peek()))) {
            backup();
            return this::lexNumberOrDuration;
        }
        if (isAlpha(r) || r == ':') {
            if (!bracketOpen) {
                backup();
                return this::lexKeywordOrIdentifier;
            }
            if (gotColon) {
                return errorf("unexpected colon " + GoText.quoteRune(r));
            }
            emit(ItemType.COLON);
            gotColon = true;
            return this::lexStatements;
        }
        return errorf("unexpected character: " + GoText.quoteRune(r));
    }

    private State lexInsideBraces() {
        if (pos < in.length && in[pos] == '#') {
            return this::lexLineComment;
        }
        int r = next();
        if (r == EOF) {
            return errorf("unexpected end of input inside braces");
        } else if (isSpace(r)) {
            return this::lexSpace;
        } else if (isAlpha(r)) {
            backup();
            return this::lexIdentifier;
        }
        switch (r) {
            case ',' -> emit(ItemType.COMMA);
            case '"', '\'' -> {
                stringOpen = r;
                return this::lexString;
            }
            case '`' -> {
                stringOpen = r;
                return this::lexRawString;
            }
            case '=' -> {
                if (next() == '~') {
                    emit(ItemType.EQL_REGEX);
                } else {
                    backup();
                    emit(ItemType.EQL);
                }
            }
            case '!' -> {
                int nr = next();
                if (nr == '~') {
                    emit(ItemType.NEQ_REGEX);
                } else if (nr == '=') {
                    emit(ItemType.NEQ);
                } else {
                    return errorf("unexpected character after '!' inside braces: " + GoText.quoteRune(nr));
                }
            }
            case '{' -> {
                return errorf("unexpected left brace '{'");
            }
            case '}' -> {
                emit(ItemType.RIGHT_BRACE);
                braceOpen = false;
                return this::lexStatements;
            }
            default -> {
                return errorf("unexpected character inside braces: " + GoText.quoteRune(r));
            }
        }
        return this::lexInsideBraces;
    }

    private State lexSpace() {
        while (isSpace(peek())) {
            next();
        }
        ignore();
        return this::lexStatements;
    }

    private State lexLineComment() {
        pos++;
        int r = next();
        while (r != '\n' && r != '\r' && r != EOF) {
            r = next();
        }
        backup();
        emit(ItemType.COMMENT);
        return this::lexStatements;
    }

    private State lexIdentifier() {
        while (isAlphaNumeric(next())) {
            // absorb
        }
        backup();
        emit(ItemType.IDENTIFIER);
        return this::lexStatements;
    }

    private State lexKeywordOrIdentifier() {
        int r = next();
        while (isAlphaNumeric(r) || r == ':') {
            r = next();
        }
        backup();
        String word = text();
        ItemType kw = ItemType.keyword(word);
        if (kw != null) {
            emit(kw);
        } else {
            emit(word.indexOf(':') < 0 ? ItemType.IDENTIFIER : ItemType.METRIC_IDENTIFIER);
        }
        return this::lexStatements;
    }

    private State lexString() {
        while (true) {
            int r = next();
            if (r == '\\') {
                String err = lexEscape();
                if (err != null) {
                    return errorf(err);
                }
            } else if (r == EOF || r == '\n') {
                return errorf("unterminated quoted string");
            } else if (r == stringOpen) {
                emit(ItemType.STRING);
                return this::lexStatements;
            }
        }
    }

    private State lexRawString() {
        while (true) {
            int r = next();
            if (r == EOF) {
                return errorf("unterminated raw string");
            } else if (r == stringOpen) {
                emit(ItemType.STRING);
                return this::lexStatements;
            }
        }
    }

    /** Checks one escape after a backslash, as 2.42 does; returns the error message or null. */
    private String lexEscape() {
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

    private State lexNumberOrDuration() {
        if (scanNumber()) {
            emit(ItemType.NUMBER);
            return this::lexStatements;
        }
        if (acceptRemainingDuration()) {
            backup();
            emit(ItemType.DURATION);
            return this::lexStatements;
        }
        return errorf("bad number or duration syntax: " + GoText.quote(text()));
    }

    /** Right after {@code [}: only a duration may come. */
    private State lexDuration() {
        if (scanNumber()) {
            return errorf("missing unit character in duration");
        }
        if (!acceptRemainingDuration()) {
            return errorf("bad duration syntax: " + GoText.quote(text()));
        }
        backup();
        emit(ItemType.DURATION);
        return this::lexStatements;
    }

    /**
     * Scans what may be a number (not necessarily a valid one: the parser reports that); true when
     * no letter or digit follows, so the text cannot be the start of a duration.
     */
    private boolean scanNumber() {
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
    private boolean acceptRemainingDuration() {
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
