package dev.vigil.model.exposition;

import java.util.Arrays;

/**
 * The Prometheus text format 0.0.4 as Prometheus 2.42 scrapes it: the tokens of its lexer
 * ({@code promlex.l}) and the checks and messages of its parser, so that a target fails with the
 * same error text. Lenient where Prometheus is (blanks and tabs between tokens, a trailing comma
 * in the label set, any comment line); strict where it is (names, quoting, the value's Go float
 * syntax without {@code p} or {@code _}, integer millisecond timestamps).
 */
public final class PromTextParser extends ExpositionParser {
    private static final int S_INIT = 0;
    private static final int S_COMMENT = 1;
    private static final int S_META1 = 2;
    private static final int S_META2 = 3;
    private static final int S_LABELS = 4;
    private static final int S_LVALUE = 5;
    private static final int S_VALUE = 6;
    private static final int S_TIMESTAMP = 7;

    private int state = S_INIT;

    /** Parses {@code b[0, length)}; see {@link ExpositionParser#forContentType}. */
    public PromTextParser(byte[] b, int length) {
        super(terminated(b, length), length + 1);
    }

    private static byte[] terminated(byte[] b, int length) {
        byte[] out = b.length > length ? b : Arrays.copyOf(b, length + 1);
        out[length] = '\n';
        return out;
    }

    private Token lex() {
        if (i >= end) {
            return Token.EOF;
        }
        byte c = b[i];
        tokStart = i;
        if ((c == ' ' || c == '\t') && state != S_META2) {
            do {
                i++;
            } while (i < end && (b[i] == ' ' || b[i] == '\t'));
            return Token.WHITESPACE;
        }
        switch (state) {
            case S_INIT:
                if (c == '\n') {
                    i++;
                    return Token.LINEBREAK;
                }
                if (c == 0) {
                    return Token.EOF;
                }
                if (c == '#') {
                    i++;
                    if (i < end && (b[i] == ' ' || b[i] == '\t')) {
                        while (i < end && (b[i] == ' ' || b[i] == '\t')) {
                            i++;
                        }
                        state = S_COMMENT;
                        return commentKeyword();
                    }
                    return consumeComment();
                }
                if ((CLASS[c & 0xff] & NAME_START) != 0) {
                    i = scanName(i + 1);
                    state = S_VALUE;
                    return Token.MNAME;
                }
                i++;
                return Token.INVALID;
            case S_COMMENT:
                return commentKeyword();
            case S_META1:
                if ((CLASS[c & 0xff] & NAME_START) != 0) {
                    i = scanName(i + 1);
                    state = S_META2;
                    return Token.MNAME;
                }
                i++;
                return Token.INVALID;
            case S_META2:
                while (i < end && b[i] != '\n') {
                    i++;
                }
                state = S_INIT;
                return Token.TEXT;
            case S_VALUE:
                if (c == '{') {
                    i++;
                    state = S_LABELS;
                    return Token.BRACE_OPEN;
                }
                if (c == '\n') {
                    i++;
                    return Token.INVALID;
                }
                while (i < end) {
                    byte v = b[i];
                    if (v == ' ' || v == '\t' || v == '\n' || v == '{') {
                        break;
                    }
                    i++;
                }
                state = S_TIMESTAMP;
                return Token.VALUE;
            case S_LABELS:
                if ((CLASS[c & 0xff] & LABEL_START) != 0) {
                    i++;
                    while (i < end && (CLASS[b[i] & 0xff] & LABEL_PART) != 0) {
                        i++;
                    }
                    return Token.LNAME;
                }
                i++;
                switch (c) {
                    case '}':
                        state = S_VALUE;
                        return Token.BRACE_CLOSE;
                    case '=':
                        state = S_LVALUE;
                        return Token.EQUAL;
                    case ',':
                        return Token.COMMA;
                    default:
                        return Token.INVALID;
                }
            case S_LVALUE:
                if (c == '"') {
                    int k = i + 1;
                    boolean high = false;
                    while (k < end) {
                        byte v = b[k];
                        if (v == '"') {
                            i = k + 1;
                            state = S_LABELS;
                            highBit = high;
                            return Token.LVALUE;
                        }
                        if (v == '\\') {
                            k += 2;
                            continue;
                        }
                        high |= v < 0;
                        k++;
                    }
                }
                i++;
                return Token.INVALID;
            case S_TIMESTAMP:
                if (c >= '0' && c <= '9') {
                    do {
                        i++;
                    } while (i < end && b[i] >= '0' && b[i] <= '9');
                    return Token.TIMESTAMP;
                }
                i++;
                if (c == '\n') {
                    state = S_INIT;
                    return Token.LINEBREAK;
                }
                return Token.INVALID;
            default:
                throw new IllegalStateException("lexer state " + state);
        }
    }

    private int scanName(int k) {
        while (k < end && (CLASS[b[k] & 0xff] & NAME_PART) != 0) {
            k++;
        }
        return k;
    }

    /**
     * After {@code #} and blanks: HELP or TYPE followed by blanks, else the line is a comment (whose
     * text, as in Prometheus, starts at the {@code #}).
     */
    private Token commentKeyword() {
        if (i + 4 < end && (b[i + 4] == ' ' || b[i + 4] == '\t')) {
            Token keyword = null;
            if (b[i] == 'H' && b[i + 1] == 'E' && b[i + 2] == 'L' && b[i + 3] == 'P') {
                keyword = Token.HELP;
            } else if (b[i] == 'T' && b[i + 1] == 'Y' && b[i + 2] == 'P' && b[i + 3] == 'E') {
                keyword = Token.TYPE;
            }
            if (keyword != null) {
                i += 5;
                while (i < end && (b[i] == ' ' || b[i] == '\t')) {
                    i++;
                }
                state = S_META1;
                return keyword;
            }
        }
        return consumeComment();
    }

    /** The rest of the line up to (not including) its newline. */
    private Token consumeComment() {
        while (i < end && b[i] != '\n') {
            if (b[i] == 0) {
                return Token.EOF;
            }
            i++;
        }
        state = S_INIT;
        return Token.COMMENT;
    }

    @Override
    Token token() {
        return nextToken();
    }

    private Token nextToken() {
        Token t;
        do {
            t = lex();
        } while (t == Token.WHITESPACE);
        return t;
    }

    @Override
    public Entry next() throws ExpositionException {
        while (true) {
            start = i;
            labelCount = 0;
            help = false;
            Token t = nextToken();
            switch (t) {
                case EOF:
                    return null;
                case LINEBREAK:
                    continue;
                case HELP, TYPE:
                    return meta(t);
                case COMMENT:
                    textStart = tokStart;
                    textEnd = i;
                    Token after = nextToken();
                    if (after != Token.LINEBREAK && after != Token.EOF) {
                        throw parseError("linebreak expected after comment", after);
                    }
                    return Entry.COMMENT;
                case MNAME:
                    return series();
                default:
                    throw new ExpositionException(t.quoted() + " is not a valid start token");
            }
        }
    }

    private Entry meta(Token keyword) throws ExpositionException {
        help = keyword == Token.HELP;
        Token t = nextToken();
        if (t != Token.MNAME) {
            throw parseError("expected metric name after " + keyword.name(), t);
        }
        nameStart = tokStart;
        nameEnd = i;
        t = nextToken();
        if (t != Token.TEXT) {
            throw new ExpositionException("expected text in " + keyword.name() + ", got " + t.quoted());
        }
        // The lexer's text starts at the blank after the name; Prometheus drops that one byte.
        textStart = Math.min(tokStart + 1, i);
        textEnd = i;
        if (keyword == Token.TYPE) {
            type = switch (new String(b, textStart, textEnd - textStart, java.nio.charset.StandardCharsets.UTF_8)) {
                case "counter" -> "counter";
                case "gauge" -> "gauge";
                case "histogram" -> "histogram";
                case "summary" -> "summary";
                case "untyped" -> "unknown";
                default -> throw new ExpositionException("invalid metric type " + GoQuote.quote(b, textStart, textEnd));
            };
        } else if (!validUtf8(b, textStart, textEnd)) {
            throw new ExpositionException("help text " + GoQuote.quote(b, textStart, textEnd) + " is not a valid utf8 string");
        }
        t = nextToken();
        if (t != Token.LINEBREAK) {
            throw parseError("linebreak expected after metadata", t);
        }
        return keyword == Token.HELP ? Entry.HELP : Entry.TYPE;
    }

    private Entry series() throws ExpositionException {
        nameStart = start;
        nameEnd = i;
        seriesEnd = i;
        Token t = nextToken();
        if (t == Token.BRACE_OPEN) {
            labelValues(false);
            seriesEnd = i;
            t = nextToken();
        }
        if (t != Token.VALUE) {
            throw parseError("expected value after metric", t);
        }
        value = canonical(GoFloatBytes.parse(b, tokStart, i));
        hasTimestamp = false;
        t = nextToken();
        if (t == Token.TIMESTAMP) {
            hasTimestamp = true;
            timestamp = GoFloatBytes.parseLong(b, tokStart, i);
            t = nextToken();
            if (t != Token.LINEBREAK) {
                throw parseError("expected next entry after timestamp", t);
            }
        } else if (t != Token.LINEBREAK) {
            throw parseError("expected timestamp or new record", t);
        }
        return Entry.SERIES;
    }
}
