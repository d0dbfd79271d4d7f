package dev.vigil.promql.parser;

/**
 * PromQL's lexer, a state machine after Prometheus 2.42's {@code lex.go}: it works on the query's
 * UTF-8 bytes so every position is the byte offset Prometheus reports. Durations are only lexed
 * where 2.42 lexes them (right after {@code [}, or as a number directly followed by a unit), and
 * inside brackets a letter reads as the subquery colon, a 2.42 quirk ({@code x[5m y]} is
 * {@code x[5m:]}).
 */
final class Lexer extends RuneScanner {
    /** One lexing state; returns the next, or null when lexing is over. */
    @FunctionalInterface
    private interface State {
        State run();
    }

    private State state = this::lexStatements;

    private int parenDepth;
    private boolean braceOpen;
    private boolean bracketOpen;
    private boolean gotColon;

    Lexer(String input) {
        super(input);
    }

    /** The next token; an {@link ItemType#ERROR} token carries the message, then only EOF follows. */
    Item nextItem() {
        clearItem();
        while (!scanned() && state != null) {
            state = state.run();
        }
        if (!scanned()) {
            emit(ItemType.EOF);
        }
        return item();
    }

    private State errorf(String message) {
        error(message);
        return null;
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
                String err = scanEscape();
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
}
