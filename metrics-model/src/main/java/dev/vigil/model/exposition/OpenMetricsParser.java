package dev.vigil.model.exposition;

import java.nio.charset.StandardCharsets;

/**
 * OpenMetrics 1.0 text as Prometheus 2.42 scrapes it ({@code openmetricslex.l} and its parser):
 * exactly one blank between tokens, no blank lines, no comments other than HELP, TYPE, UNIT and the
 * mandatory final {@code # EOF}; timestamps in (fractional) seconds, kept as milliseconds;
 * exemplars checked and skipped. Series are kept as written ({@code _total}, {@code _created},
 * {@code _bucket}...), as Prometheus 2.42 stores them.
 */
public final class OpenMetricsParser extends ExpositionParser {
    private static final int S_INIT = 0;
    private static final int S_COMMENT = 1;
    private static final int S_META1 = 2;
    private static final int S_META2 = 3;
    private static final int S_LABELS = 4;
    private static final int S_LVALUE = 5;
    private static final int S_VALUE = 6;
    private static final int S_TIMESTAMP = 7;
    private static final int S_EXEMPLAR = 8;
    private static final int S_EVALUE = 9;
    private static final int S_ETIMESTAMP = 10;

    private int state = S_INIT;

    public OpenMetricsParser(byte[] b, int length) {
        super(b, length);
    }

    @Override
    Token token() {
        return lex();
    }

    private Token lex() {
        if (i >= end) {
            return Token.EOF;
        }
        tokStart = i;
        byte c = b[i];
        switch (state) {
            case S_INIT:
                if (c == '#' && i + 1 < end && b[i + 1] == ' ') {
                    i += 2;
                    state = S_COMMENT;
                    return lexComment();
                }
                if ((CLASS[c & 0xff] & NAME_START) != 0) {
                    i = scan(i + 1, NAME_PART);
                    state = S_VALUE;
                    return Token.MNAME;
                }
                return invalid();
            case S_COMMENT:
                return lexComment();
            case S_META1:
                if ((CLASS[c & 0xff] & NAME_START) != 0) {
                    i = scan(i + 1, NAME_PART);
                    state = S_META2;
                    return Token.MNAME;
                }
                return invalid();
            case S_META2:
                if (c == ' ') {
                    int k = i + 1;
                    while (k < end && b[k] != '\n') {
                        k++;
                    }
                    if (k < end) {
                        i = k + 1;
                        state = S_INIT;
                        return Token.TEXT;
                    }
                }
                return invalid();
            case S_VALUE:
                if (c == '{') {
                    i++;
                    state = S_LABELS;
                    return Token.BRACE_OPEN;
                }
                if (blankThenWord()) {
                    state = S_TIMESTAMP;
                    return Token.VALUE;
                }
                return invalid();
            case S_LABELS, S_EXEMPLAR:
                return lexLabels();
            case S_LVALUE, S_EVALUE:
                if (c == '"') {
                    return quoted(state == S_LVALUE ? S_LABELS : S_EXEMPLAR);
                }
                if (state == S_EVALUE && blankThenWord()) {
                    state = S_ETIMESTAMP;
                    return Token.VALUE;
                }
                return invalid();
            case S_TIMESTAMP, S_ETIMESTAMP:
                if (c == '\n') {
                    i++;
                    state = S_INIT;
                    return Token.LINEBREAK;
                }
                if (state == S_TIMESTAMP && c == ' ' && i + 3 < end && b[i + 1] == '#' && b[i + 2] == ' ' && b[i + 3] == '{') {
                    i += 4;
                    state = S_EXEMPLAR;
                    return Token.COMMENT;
                }
                if (blankThenWord()) {
                    return Token.TIMESTAMP;
                }
                return invalid();
            default:
                throw new IllegalStateException("lexer state " + state);
        }
    }

    private Token invalid() {
        i++;
        return Token.INVALID;
    }

    private Token lexComment() {
        tokStart = i;
        if (startsWith("HELP ")) {
            i += 5;
            state = S_META1;
            return Token.HELP;
        }
        if (startsWith("TYPE ")) {
            i += 5;
            state = S_META1;
            return Token.TYPE;
        }
        if (startsWith("UNIT ")) {
            i += 5;
            state = S_META1;
            return Token.UNIT;
        }
        if (startsWith("EOF")) {
            i += 3;
            if (i < end && b[i] == '\n') {
                i++;
            }
            state = S_INIT;
            return Token.EOF_WORD;
        }
        return invalid();
    }

    private Token lexLabels() {
        byte c = b[i];
        if ((CLASS[c & 0xff] & LABEL_START) != 0) {
            i = scan(i + 1, LABEL_PART);
            return Token.LNAME;
        }
        switch (c) {
            case '}':
                i++;
                state = state == S_LABELS ? S_VALUE : S_EVALUE;
                return Token.BRACE_CLOSE;
            case '=':
                i++;
                state = state == S_LABELS ? S_LVALUE : S_EVALUE;
                return Token.EQUAL;
            case ',':
                i++;
                return Token.COMMA;
            default:
                return invalid();
        }
    }

    /** A quoted label value: no raw newline, backslash escapes any byte. */
    private Token quoted(int next) {
        int k = i + 1;
        boolean high = false;
        while (k < end) {
            byte v = b[k];
            if (v == '"') {
                i = k + 1;
                state = next;
                highBit = high;
                return Token.LVALUE;
            }
            if (v == '\n') {
                break;
            }
            if (v == '\\') {
                if (k + 1 < end && b[k + 1] == '\n') {
                    break;
                }
                k += 2;
                continue;
            }
            high |= v < 0;
            k++;
        }
        return invalid();
    }

    /** One blank then at least one byte that is neither blank nor newline. */
    private boolean blankThenWord() {
        if (b[i] != ' ' || i + 1 >= end || b[i + 1] == ' ' || b[i + 1] == '\n') {
            return false;
        }
        int k = i + 1;
        while (k < end && b[k] != ' ' && b[k] != '\n') {
            k++;
        }
        i = k;
        return true;
    }

    private int scan(int k, int classBit) {
        while (k < end && (CLASS[b[k] & 0xff] & classBit) != 0) {
            k++;
        }
        return k;
    }

    private boolean startsWith(String word) {
        if (i + word.length() > end) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (b[i + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Entry next() throws ExpositionException {
        start = i;
        labelCount = 0;
        help = false;
        Token t = lex();
        switch (t) {
            case EOF_WORD:
                if (lex() != Token.EOF) {
                    throw new ExpositionException("unexpected data after # EOF");
                }
                return null;
            case EOF:
                throw new ExpositionException("data does not end with # EOF");
            case HELP, TYPE, UNIT:
                return meta(t);
            case MNAME:
                return series();
            default:
                throw new ExpositionException(t.quoted() + " is not a valid start token");
        }
    }

    private Entry meta(Token keyword) throws ExpositionException {
        help = keyword == Token.HELP;
        Token t = lex();
        if (t != Token.MNAME) {
            throw parseError("expected metric name after " + keyword.name(), t);
        }
        nameStart = tokStart;
        nameEnd = i;
        t = lex();
        if (t != Token.TEXT) {
            throw new ExpositionException("expected text in " + keyword.name());
        }
        textStart = tokStart + 1;
        textEnd = i - 1;
        switch (keyword) {
            case TYPE -> type = switch (new String(b, textStart, textEnd - textStart, StandardCharsets.UTF_8)) {
                case "counter" -> "counter";
                case "gauge" -> "gauge";
                case "histogram" -> "histogram";
                case "gaugehistogram" -> "gaugehistogram";
                case "summary" -> "summary";
                case "info" -> "info";
                case "stateset" -> "stateset";
                case "unknown" -> "unknown";
                default -> throw new ExpositionException("invalid metric type " + GoQuote.quote(b, textStart, textEnd));
            };
            case HELP -> {
                if (!validUtf8(b, textStart, textEnd)) {
                    throw new ExpositionException("help text " + GoQuote.quote(b, textStart, textEnd) + " is not a valid utf8 string");
                }
            }
            default -> {
                int unit = textEnd - textStart;
                int name = nameEnd - nameStart;
                if (unit > 0 && (name < unit + 1 || b[nameEnd - unit - 1] != '_'
                        || !java.util.Arrays.equals(b, nameEnd - unit, nameEnd, b, textStart, textEnd))) {
                    throw new ExpositionException("unit not a suffix of metric " + GoQuote.quote(b, nameStart, nameEnd));
                }
            }
        }
        return switch (keyword) {
            case HELP -> Entry.HELP;
            case TYPE -> Entry.TYPE;
            default -> Entry.UNIT;
        };
    }

    private Entry series() throws ExpositionException {
        nameStart = start;
        nameEnd = i;
        seriesEnd = i;
        Token t = lex();
        if (t == Token.BRACE_OPEN) {
            labelValues(true);
            seriesEnd = i;
            t = lex();
        }
        value = canonical(floatValue(t, "metric"));
        hasTimestamp = false;
        t = lex();
        switch (t) {
            case EOF -> throw new ExpositionException("data does not end with # EOF");
            case LINEBREAK -> {
            }
            case COMMENT -> exemplar();
            case TIMESTAMP -> {
                hasTimestamp = true;
                timestamp = seconds(GoFloatBytes.parse(b, tokStart + 1, i), "invalid timestamp");
                t = lex();
                if (t == Token.COMMENT) {
                    exemplar();
                } else if (t != Token.LINEBREAK) {
                    throw parseError("expected next entry after timestamp", t);
                }
            }
            default -> throw parseError("expected timestamp or # symbol", t);
        }
        return Entry.SERIES;
    }

    private static long seconds(double ts, String what) throws ExpositionException {
        if (Double.isNaN(ts) || Double.isInfinite(ts)) {
            throw new ExpositionException(what + " " + String.format(java.util.Locale.ROOT, "%f", ts));
        }
        return (long) (ts * 1000);
    }

    private double floatValue(Token t, String after) throws ExpositionException {
        if (t != Token.VALUE) {
            throw parseError("expected value after " + after, t);
        }
        return GoFloatBytes.parse(b, tokStart + 1, i);
    }

    /** {@code # {labels} value [timestamp]}: checked, not kept. */
    private void exemplar() throws ExpositionException {
        int savedCount = labelCount;
        labelValues(true);
        labelCount = savedCount;
        floatValue(lex(), "exemplar labels");
        Token t = lex();
        switch (t) {
            case EOF -> throw new ExpositionException("data does not end with # EOF");
            case LINEBREAK -> {
            }
            case TIMESTAMP -> {
                seconds(GoFloatBytes.parse(b, tokStart + 1, i), "invalid exemplar timestamp");
                t = lex();
                if (t != Token.LINEBREAK) {
                    throw parseError("expected next entry after exemplar timestamp", t);
                }
            }
            default -> throw parseError("expected timestamp or comment", t);
        }
    }
}
