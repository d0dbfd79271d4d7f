package dev.vigil.model.exposition;

import dev.vigil.model.Labels;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One pass over an exposition held in a byte buffer: {@link #next()} moves to the next entry and
 * the accessors describe it until the following call. A series entry is its raw text
 * ({@link #seriesStart()} to {@link #seriesEnd()}, name and labels as written, the natural key of
 * a scrape cache), its value and its optional timestamp; {@link #labels} turns it into labels.
 *
 * <p>Use {@link #forContentType} to pick the format from a response's {@code Content-Type} as
 * Prometheus does: OpenMetrics for {@code application/openmetrics-text}, the text format 0.0.4
 * for anything else.
 */
public abstract sealed class ExpositionParser permits PromTextParser, OpenMetricsParser {
    /** What {@link #next()} found. */
    public enum Entry { SERIES, HELP, TYPE, UNIT, COMMENT }

    /** Character classes: bit 1 metric name start, 2 metric name part, 4 label name start, 8 label name part. */
    static final byte[] CLASS = new byte[256];

    static {
        for (int c = 0; c < 256; c++) {
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
            boolean digit = c >= '0' && c <= '9';
            int bits = 0;
            if (letter || c == ':') {
                bits |= 1 | 2;
            }
            if (digit) {
                bits |= 2 | 8;
            }
            if (letter) {
                bits |= 4 | 8;
            }
            CLASS[c] = (byte) bits;
        }
    }

    static final int NAME_START = 1;
    static final int NAME_PART = 2;
    static final int LABEL_START = 4;
    static final int LABEL_PART = 8;

    /** Prometheus' canonical NaN for scraped NaN values, so that none is mistaken for a stale marker. */
    public static final double NORMAL_NAN = Double.longBitsToDouble(0x7ff8000000000001L);

    final byte[] b;
    /** End of the exposition's bytes (exclusive). */
    final int end;
    /** Read position. */
    int i;
    /** Start of the current entry's line. */
    int start;

    int seriesEnd;
    int nameStart;
    int nameEnd;
    /** Per label: name start, name end, value start, value end (value without its quotes). */
    int[] labelOffsets = new int[64];
    int labelCount;
    double value;
    boolean hasTimestamp;
    long timestamp;
    int textStart;
    int textEnd;
    String type;
    /** Start of the lexer's last token. */
    int tokStart;
    /** Whether the last label value had a byte outside ASCII (then it is checked as UTF-8). */
    boolean highBit;
    /** Whether the current entry is HELP, whose text is unescaped. */
    boolean help;

    ExpositionParser(byte[] b, int end) {
        this.b = b;
        this.end = end;
    }

    /**
     * A parser for {@code b[0, length)} in the format {@code contentType} names (null: text 0.0.4).
     * The text parser writes a newline at {@code b[length]} when the array has room (Prometheus
     * appends one too), so pass a buffer with one spare byte to avoid a copy.
     */
    public static ExpositionParser forContentType(String contentType, byte[] b, int length) {
        if (contentType != null && mediaType(contentType).equals("application/openmetrics-text")) {
            return new OpenMetricsParser(b, length);
        }
        return new PromTextParser(b, length);
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** The next entry, or null at the end of the exposition. */
    public abstract Entry next() throws ExpositionException;

    /** The buffer the offsets refer to. */
    public final byte[] buffer() {
        return b;
    }

    /** Start of the current series' text (its metric name). */
    public final int seriesStart() {
        return start;
    }

    /** End of the current series' text (after its closing brace, or after the name). */
    public final int seriesEnd() {
        return seriesEnd;
    }

    public final double value() {
        return value;
    }

    public final boolean hasTimestamp() {
        return hasTimestamp;
    }

    /** Milliseconds since the epoch; meaningful when {@link #hasTimestamp()}. */
    public final long timestamp() {
        return timestamp;
    }

    /** The metric name of the current series, HELP, TYPE or UNIT entry. */
    public final String metricName() {
        return new String(b, nameStart, nameEnd - nameStart, StandardCharsets.UTF_8);
    }

    /** The TYPE entry's type as Prometheus' metadata names it: counter, gauge, ..., unknown. */
    public final String type() {
        return type;
    }

    /** The HELP text (unescaped), UNIT text or comment text of the current entry. */
    public final String text() {
        return help ? unescapeHelp(textStart, textEnd) : new String(b, textStart, textEnd - textStart, StandardCharsets.UTF_8);
    }

    /** The next token that matters to the parser (the text format skips blanks here). */
    abstract Token token();

    static ExpositionException parseError(String expected, Token got) {
        return new ExpositionException(expected + ", got " + got.quoted());
    }

    /**
     * The label set after its opening brace, up to its closing one. A trailing comma is allowed;
     * OpenMetrics ({@code commaRequired}) wants a comma or the brace after each value, the text
     * format takes whatever comes next as the next label name.
     */
    final void labelValues(boolean commaRequired) throws ExpositionException {
        Token t = token();
        while (true) {
            if (t == Token.BRACE_CLOSE) {
                return;
            }
            if (t != Token.LNAME) {
                throw parseError("expected label name", t);
            }
            int labelStart = tokStart;
            int labelEnd = i;
            t = token();
            if (t != Token.EQUAL) {
                throw parseError("expected equal", t);
            }
            t = token();
            if (t != Token.LVALUE) {
                throw parseError("expected label value", t);
            }
            if (highBit && !validUtf8(b, tokStart + 1, i - 1)) {
                throw new ExpositionException("invalid UTF-8 label value");
            }
            addLabel(labelStart, labelEnd, tokStart + 1, i - 1);
            t = token();
            if (t == Token.COMMA) {
                t = token();
            } else if (commaRequired && t != Token.BRACE_CLOSE) {
                throw parseError("expected comma", t);
            }
        }
    }

    /**
     * Adds the current series' name and labels to {@code builder}, values unescaped; a label name
     * given twice (or {@code __name__} in the braces, which the series name already set) is an
     * error, as in Prometheus' scrape.
     */
    public final void labels(Labels.Builder builder) throws ExpositionException {
        builder.set(Labels.METRIC_NAME, metricName());
        for (int l = 0; l < labelCount; l++) {
            int o = l * 4;
            String name = new String(b, labelOffsets[o], labelOffsets[o + 1] - labelOffsets[o], StandardCharsets.US_ASCII);
            if (name.equals(Labels.METRIC_NAME)) {
                // the series name is already __name__: Prometheus sees a duplicate label here
                throw new ExpositionException("label name \"" + name + "\" is not unique: invalid sample");
            }
            for (int k = 0; k < l; k++) {
                int p = k * 4;
                if (Arrays.equals(b, labelOffsets[p], labelOffsets[p + 1], b, labelOffsets[o], labelOffsets[o + 1])) {
                    throw new ExpositionException("label name \"" + name + "\" is not unique: invalid sample");
                }
            }
            builder.set(name, unescapeLabelValue(labelOffsets[o + 2], labelOffsets[o + 3]));
        }
    }

    /** Label count of the current series (without the name). */
    public final int labelCount() {
        return labelCount;
    }

    final void addLabel(int nameFrom, int nameTo, int valueFrom, int valueTo) {
        int o = labelCount * 4;
        if (o + 4 > labelOffsets.length) {
            labelOffsets = Arrays.copyOf(labelOffsets, labelOffsets.length * 2);
        }
        labelOffsets[o] = nameFrom;
        labelOffsets[o + 1] = nameTo;
        labelOffsets[o + 2] = valueFrom;
        labelOffsets[o + 3] = valueTo;
        labelCount++;
    }

    /** {@code \\}, {@code \"} and {@code \n} unescaped; any other backslash stays, as in Prometheus. */
    private String unescapeLabelValue(int from, int to) {
        int backslash = -1;
        for (int k = from; k < to; k++) {
            if (b[k] == '\\') {
                backslash = k;
                break;
            }
        }
        if (backslash < 0) {
            return new String(b, from, to - from, StandardCharsets.UTF_8);
        }
        byte[] out = new byte[to - from];
        int n = 0;
        for (int k = from; k < to; k++) {
            byte c = b[k];
            if (c == '\\' && k + 1 < to) {
                byte next = b[k + 1];
                if (next == '\\' || next == '"') {
                    out[n++] = next;
                    k++;
                    continue;
                }
                if (next == 'n') {
                    out[n++] = '\n';
                    k++;
                    continue;
                }
            }
            out[n++] = c;
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** HELP text: {@code \\} and {@code \n} unescaped. */
    final String unescapeHelp(int from, int to) {
        StringBuilder out = null;
        for (int k = from; k < to; k++) {
            if (b[k] == '\\' && k + 1 < to && (b[k + 1] == '\\' || b[k + 1] == 'n')) {
                out = new StringBuilder();
                break;
            }
        }
        String raw = new String(b, from, to - from, StandardCharsets.UTF_8);
        if (out == null) {
            return raw;
        }
        for (int k = 0; k < raw.length(); k++) {
            char c = raw.charAt(k);
            if (c == '\\' && k + 1 < raw.length() && (raw.charAt(k + 1) == '\\' || raw.charAt(k + 1) == 'n')) {
                out.append(raw.charAt(k + 1) == 'n' ? '\n' : '\\');
                k++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether {@code b[from, to)} is valid UTF-8 (Go's utf8.Valid: no surrogates, no overlongs). */
    static boolean validUtf8(byte[] b, int from, int to) {
        for (int k = from; k < to; k++) {
            if (b[k] < 0) {
                try {
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, from, to - from));
                    return true;
                } catch (CharacterCodingException e) {
                    return false;
                }
            }
        }
        return true;
    }

    static double canonical(double v) {
        return Double.isNaN(v) ? NORMAL_NAN : v;
    }
}
