package dev.vigil.node.procfs;

/**
 * Walks kernel file text line by line and, within a line, field by field, without splitting the
 * text into arrays: the hot readers ({@code /proc/stat}, {@code /proc/cpuinfo}) parse numbers
 * straight out of the file's string. Fields are separated by runs of ASCII whitespace, as Go's
 * {@code strings.Fields} separates them; a trailing {@code \r} is dropped from each line, as Go's
 * line scanner drops it.
 */
public final class TextCursor {
    private final String text;
    private final int length;
    private int next;
    private int lineStart;
    private int lineEnd;
    private int pos;

    public TextCursor(String text) {
        this.text = text;
        this.length = text.length();
    }

    /** Moves to the next line; false at the end of the text. */
    public boolean nextLine() {
        if (next >= length) {
            return false;
        }
        lineStart = next;
        int newline = text.indexOf('\n', next);
        lineEnd = newline < 0 ? length : newline;
        next = lineEnd + 1;
        if (lineEnd > lineStart && text.charAt(lineEnd - 1) == '\r') {
            lineEnd--;
        }
        pos = lineStart;
        return true;
    }

    /** The whole current line. */
    public String line() {
        return text.substring(lineStart, lineEnd);
    }

    /** The rest of the current line from the cursor, leading whitespace skipped. */
    public String rest() {
        skipSpace();
        return text.substring(pos, lineEnd);
    }

    /** Whether another field follows on this line. */
    public boolean hasField() {
        skipSpace();
        return pos < lineEnd;
    }

    /** The number of fields left on this line; the cursor does not move. */
    public int remainingFields() {
        return countFields(Integer.MAX_VALUE);
    }

    /** Whether at least {@code n} fields are left on this line; stops counting at {@code n}. */
    public boolean hasFields(int n) {
        return countFields(n) >= n;
    }

    private int countFields(int limit) {
        int saved = pos;
        int count = 0;
        while (count < limit && hasField()) {
            count++;
            skipField();
        }
        pos = saved;
        return count;
    }

    /** The next field; an empty string if the line has no more. */
    public String field() {
        skipSpace();
        int start = pos;
        skipField();
        return text.substring(start, pos);
    }

    /** Skips the next field. */
    public void skipField() {
        skipSpace();
        while (pos < lineEnd && !isSpace(text.charAt(pos))) {
            pos++;
        }
    }

    /** Whether the next field is exactly {@code expected}; moves past it only if so. */
    public boolean fieldIs(String expected) {
        skipSpace();
        int n = expected.length();
        int end = pos + n;
        if (end > lineEnd || !text.startsWith(expected, pos) || (end < lineEnd && !isSpace(text.charAt(end)))) {
            return false;
        }
        pos = end;
        return true;
    }

    /** Whether the next field starts with {@code prefix}; the cursor does not move. */
    public boolean fieldStartsWith(String prefix) {
        skipSpace();
        return pos + prefix.length() <= lineEnd && text.startsWith(prefix, pos);
    }

    /**
     * The next field as an unsigned decimal integer (Go's {@code strconv.ParseUint(s, 10, 64)}),
     * converted to a double as Go's {@code float64(uint64)} does.
     *
     * @throws NumberFormatException if the field is missing or not an unsigned integer
     */
    public double unsignedField() {
        skipSpace();
        int start = pos;
        long value = 0;
        while (pos < lineEnd) {
            char c = text.charAt(pos);
            if (c < '0' || c > '9') {
                if (isSpace(c)) {
                    break;
                }
                skipField();
                throw new NumberFormatException("not an unsigned integer: \"" + text.substring(start, pos) + "\"");
            }
            value = value * 10 + (c - '0');
            pos++;
        }
        int digits = pos - start;
        if (digits == 0) {
            throw new NumberFormatException("missing number");
        }
        if (digits <= 18) {
            return value;
        }
        String token = text.substring(start, pos);
        Long.parseUnsignedLong(token); // range check: at most 2^64-1
        return Double.parseDouble(token);
    }

    /**
     * The next field as a floating-point number, as Go's {@code %f} scan and {@code ParseFloat}
     * read it; plain digits take a fast path.
     *
     * @throws NumberFormatException if the field is missing or not a number
     */
    public double doubleField() {
        skipSpace();
        int start = pos;
        long value = 0;
        boolean plain = true;
        while (pos < lineEnd) {
            char c = text.charAt(pos);
            if (isSpace(c)) {
                break;
            }
            if (c < '0' || c > '9') {
                plain = false;
            } else {
                value = value * 10 + (c - '0');
            }
            pos++;
        }
        int digits = pos - start;
        if (digits == 0) {
            throw new NumberFormatException("missing number");
        }
        if (plain && digits <= 18) {
            return value;
        }
        return parseGoFloat(text.substring(start, pos));
    }

    /** Go's {@code strconv.ParseFloat(s, 64)} for the forms the kernel writes, plus Inf and NaN. */
    public static double parseGoFloat(String token) {
        String t = token;
        if (t.indexOf('_') >= 0 || t.endsWith("d") || t.endsWith("D") || t.endsWith("f") || t.endsWith("F")) {
            throw new NumberFormatException("not a number: \"" + token + "\"");
        }
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        boolean negative = lower.startsWith("-");
        switch (unsigned) {
            case "inf", "infinity" -> {
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            case "nan" -> {
                return Double.NaN;
            }
            default -> {
                return Double.parseDouble(t);
            }
        }
    }

    private void skipSpace() {
        while (pos < lineEnd && isSpace(text.charAt(pos))) {
            pos++;
        }
    }

    /** ASCII whitespace as Go's {@code unicode.IsSpace} has it. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }
}
