package dev.vigil.promql.script;

import dev.vigil.model.Labels;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a series description with Prometheus 2.42's rules (its lexer's series mode and the
 * {@code series_description} grammar): a metric name and/or a {@code {name="value", ...}} label
 * set, then space-separated items:
 * <ul>
 * <li>{@code v} one value; a number, {@code Inf}, {@code NaN} (any case, optionally signed) or {@code stale};
 * <li>{@code vxN} the value N+1 times;
 * <li>{@code v+dxN}, {@code v-dxN} N+1 values v, v+d, ..., v+N*d;
 * <li>{@code _} one omitted step; {@code _xN} N omitted steps (not N+1: Prometheus' asymmetry).
 * </ul>
 * Numbers in this mode are decimal only: {@code 0x10} would read as "0, times 10".
 */
final class SeriesDescriptionParser {
    private final String text;
    private int pos;

    SeriesDescriptionParser(String text) {
        this.text = text;
    }

    SeriesDescription parse() throws ScriptSyntaxException {
        Labels labels = metric();
        List<SequenceValue> values = new ArrayList<>();
        while (pos < text.length()) {
            if (!isSpace(text.charAt(pos))) {
                throw error("expected a space before the next value");
            }
            skipSpaces();
            if (pos < text.length()) {
                item(values);
            }
        }
        return new SeriesDescription(labels, values);
    }

    private Labels metric() throws ScriptSyntaxException {
        skipSpaces();
        Labels.Builder builder = Labels.builder();
        List<String> seen = new ArrayList<>();
        if (pos < text.length() && isMetricStart(text.charAt(pos))) {
            int start = pos;
            while (pos < text.length() && isMetricChar(text.charAt(pos))) {
                pos++;
            }
            String name = text.substring(start, pos);
            if (name.equalsIgnoreCase("inf") || name.equalsIgnoreCase("nan")) {
                throw error("unexpected number \"" + name + "\" as a metric name"); // Prometheus lexes it as one
            }
            builder.set(Labels.METRIC_NAME, name);
            seen.add(Labels.METRIC_NAME);
        }
        if (pos < text.length() && text.charAt(pos) == '{') {
            pos++;
            labelSet(builder, seen);
        } else if (seen.isEmpty()) {
            throw error("expected a metric name or a label set");
        }
        return builder.build();
    }

    private void labelSet(Labels.Builder builder, List<String> seen) throws ScriptSyntaxException {
        while (true) {
            skipSpaces();
            if (peek() == '}') {
                pos++;
                return;
            }
            int start = pos;
            if (pos >= text.length() || !isLabelStart(text.charAt(pos))) {
                throw error("expected a label name or '}'");
            }
            while (pos < text.length() && isLabelChar(text.charAt(pos))) {
                pos++;
            }
            String name = text.substring(start, pos);
            skipSpaces();
            if (peek() != '=' || (pos + 1 < text.length() && text.charAt(pos + 1) == '~')) {
                throw error("expected '=' after label name " + name);
            }
            pos++;
            skipSpaces();
            String value = string();
            if (seen.contains(name)) {
                throw error("label " + name + " given twice");
            }
            seen.add(name);
            builder.set(name, value);
            skipSpaces();
            if (peek() == ',') {
                pos++;
            } else if (peek() != '}') {
                throw error("expected ',' or '}' in label set");
            }
        }
    }

    private String string() throws ScriptSyntaxException {
        char quote = peek();
        if (quote != '"' && quote != '\'' && quote != '`') {
            throw error("expected a quoted label value");
        }
        int end = GoStrings.endOfQuoted(text, pos);
        if (end < 0) {
            throw error("unterminated quoted string");
        }
        String value;
        try {
            value = GoStrings.unquote(text.substring(pos, end));
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
        pos = end;
        return value;
    }

    /** One space-free item; appends what it stands for. */
    private void item(List<SequenceValue> out) throws ScriptSyntaxException {
        if (peek() == '_') {
            pos++;
            if (peek() == 'x') {
                pos++;
                long n = times();
                for (long i = 0; i < n; i++) {
                    out.add(SequenceValue.OMITTED);
                }
            } else {
                out.add(SequenceValue.OMITTED);
            }
            endOfItem();
            return;
        }
        if (text.startsWith("stale", pos) && (pos + 5 == text.length() || isSpace(text.charAt(pos + 5)))) {
            pos += 5;
            out.add(SequenceValue.of(SequenceValue.STALE_NAN));
            return;
        }
        double value = number(true);
        if (peek() == 'x') {
            pos++;
            long n = times();
            for (long i = 0; i <= n; i++) {
                out.add(SequenceValue.of(value));
            }
        } else if (peek() == '+' || peek() == '-') {
            double delta = number(true);
            if (peek() != 'x') {
                throw error("expected 'x' and a count after the increment");
            }
            pos++;
            long n = times();
            out.add(SequenceValue.of(value));
            for (long i = 1; i <= n; i++) {
                value += delta; // repeated addition, as Prometheus does it, not value + i*delta
                out.add(SequenceValue.of(value));
            }
        } else {
            out.add(SequenceValue.of(value));
        }
        endOfItem();
    }

    private void endOfItem() throws ScriptSyntaxException {
        if (pos < text.length() && !isSpace(text.charAt(pos))) {
            throw error("unexpected character in series sequence: '" + text.charAt(pos) + "'");
        }
    }

    /** A decimal number, Inf or NaN, optionally signed; stops before an 'x'. */
    private double number(boolean signed) throws ScriptSyntaxException {
        int start = pos;
        if (signed && (peek() == '+' || peek() == '-')) {
            pos++;
        }
        boolean negative = start < pos && text.charAt(start) == '-';
        for (String word : new String[] {"inf", "nan"}) {
            if (text.regionMatches(true, pos, word, 0, 3)
                    && (pos + 3 == text.length() || !Character.isLetterOrDigit(text.charAt(pos + 3)))) {
                pos += 3;
                double v = word.equals("inf") ? Double.POSITIVE_INFINITY : Double.NaN;
                return negative ? -v : v;
            }
        }
        int digitsStart = pos;
        while (Character.isDigit(peek())) {
            pos++;
        }
        if (peek() == '.') {
            pos++;
            while (Character.isDigit(peek())) {
                pos++;
            }
        }
        if (pos == digitsStart || (pos == digitsStart + 1 && text.charAt(digitsStart) == '.')) {
            pos = start;
            throw error("expected a number");
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            while (Character.isDigit(peek())) {
                pos++;
            }
        }
        if (Character.isLetterOrDigit(peek()) && peek() != 'x' || peek() == '_') {
            throw error("bad number or character '" + peek() + "'");
        }
        try {
            return Double.parseDouble(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("bad number " + text.substring(start, pos));
        }
    }

    /** The N of {@code xN}: an unsigned decimal integer. */
    private long times() throws ScriptSyntaxException {
        int start = pos;
        while (Character.isDigit(peek())) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a repetition count after 'x'");
        }
        try {
            return Long.parseLong(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("invalid repetition in series values: " + text.substring(start, pos));
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpaces() {
        while (pos < text.length() && isSpace(text.charAt(pos))) {
            pos++;
        }
    }

    private ScriptSyntaxException error(String message) {
        return new ScriptSyntaxException(0, "column " + (pos + 1) + ": " + message + " in series description \""
                + text + "\"");
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isMetricStart(char c) {
        return c == ':' || isLabelStart(c);
    }

    private static boolean isMetricChar(char c) {
        return c == ':' || isLabelChar(c);
    }

    private static boolean isLabelStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isLabelChar(char c) {
        return isLabelStart(c) || (c >= '0' && c <= '9');
    }
}
