package dev.vigil.promql.script;

/**
 * Go string literals, as Prometheus reads label values ({@code strconv.Unquote}) and prints them
 * ({@code strconv.Quote}): double- or single-quoted with escapes, or back-quoted raw.
 */
public final class GoStrings {
    private GoStrings() {
    }

    /** The index just past the closing quote of the literal starting at {@code start}; -1 if unterminated. */
    static int endOfQuoted(String text, int start) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quote != '`') {
                i++;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n' && quote != '`') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * The value of a whole quoted literal.
     *
     * @throws IllegalArgumentException for a bad escape or quoting
     */
    public static String unquote(String literal) {
        if (literal.length() < 2 || literal.charAt(0) != literal.charAt(literal.length() - 1)) {
            throw new IllegalArgumentException("bad quoting: " + literal);
        }
        char quote = literal.charAt(0);
        String body = literal.substring(1, literal.length() - 1);
        if (quote == '`') {
            return body.replace("\r", "");
        }
        if (quote != '"' && quote != '\'') {
            throw new IllegalArgumentException("bad quoting: " + literal);
        }
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= body.length()) {
                throw new IllegalArgumentException("escape at end of " + literal);
            }
            char e = body.charAt(i);
            switch (e) {
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case '\\', '"', '\'' -> out.append(e);
                case 'x' -> {
                    out.append((char) hex(body, i + 1, 2, literal));
                    i += 2;
                }
                case 'u' -> {
                    out.appendCodePoint(hex(body, i + 1, 4, literal));
                    i += 4;
                }
                case 'U' -> {
                    out.appendCodePoint(hex(body, i + 1, 8, literal));
                    i += 8;
                }
                default -> {
                    if (e >= '0' && e <= '7' && i + 2 < body.length()) {
                        out.append((char) Integer.parseInt(body.substring(i, i + 3), 8));
                        i += 2;
                    } else {
                        throw new IllegalArgumentException("unknown escape \\" + e + " in " + literal);
                    }
                }
            }
        }
        return out.toString();
    }

    private static int hex(String body, int from, int digits, String literal) {
        if (from + digits > body.length()) {
            throw new IllegalArgumentException("short escape in " + literal);
        }
        try {
            return Integer.parseInt(body.substring(from, from + digits), 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad escape in " + literal);
        }
    }

    /** A double-quoted literal, escaping as Go's {@code strconv.Quote} does for the usual characters. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
