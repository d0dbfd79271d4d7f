package dev.vigil.node.systemd;

/**
 * systemd's version as node_exporter derives it from the manager's {@code Version} property: the
 * label is the property as Go quotes it, without the surrounding quotes; the number is the first
 * run of three or more digits, with a following {@code .digits} if there is one
 * ({@code "252.22-1~deb12u1"} gives 252.22, {@code "239 (239-78.el8)"} gives 239). A version
 * without such a number is 0 with an empty label.
 *
 * @param number the version as a number, 0 if unknown
 * @param label the {@code version} label's value, empty if unknown
 */
public record SystemdVersion(double number, String label) {
    /** What node_exporter reports when the version cannot be read or parsed. */
    public static final SystemdVersion UNKNOWN = new SystemdVersion(0, "");

    /** systemd 212 added the manager's {@code SystemState} and timers' {@code LastTriggerUSec}. */
    public static final double MIN_SYSTEM_STATE = 212;

    /** Parses the {@code Version} property's string value. */
    public static SystemdVersion parse(String version) {
        String label = goQuoteBody(version);
        int start = -1;
        int end = -1;
        for (int i = 0; i < label.length(); ) {
            if (!isDigit(label, i)) {
                i++;
                continue;
            }
            int run = i;
            while (isDigit(label, run)) {
                run++;
            }
            if (run - i >= 3) {
                start = i;
                end = run;
                break;
            }
            i = run;
        }
        if (start < 0) {
            return UNKNOWN;
        }
        if (end + 1 < label.length() && label.charAt(end) == '.' && isDigit(label, end + 1)) {
            end += 2;
            while (isDigit(label, end)) {
                end++;
            }
        }
        double number = Double.parseDouble(label.substring(start, end));
        if (Double.isInfinite(number)) {
            return UNKNOWN;
        }
        return new SystemdVersion(number, label);
    }

    private static boolean isDigit(String text, int i) {
        if (i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        return c >= '0' && c <= '9';
    }

    /**
     * What Go's {@code strconv.Quote} makes of {@code text}, without the quotes: backslash and
     * double quote escaped, printable characters kept, the rest as {@code \n}, {@code \x1b},
     * {@code \u200b} and the like.
     */
    static String goQuoteBody(String text) {
        boolean plain = true;
        for (int i = 0; i < text.length() && plain; i++) {
            char c = text.charAt(i);
            plain = c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
        }
        if (plain) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> appendQuoted(out, cp));
        return out.toString();
    }

    private static void appendQuoted(StringBuilder out, int cp) {
        if (cp == '"' || cp == '\\') {
            out.append('\\').appendCodePoint(cp);
            return;
        }
        if (isGoPrint(cp)) {
            out.appendCodePoint(cp);
            return;
        }
        switch (cp) {
            case 0x07 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x0b -> out.append("\\v");
            default -> {
                if (cp < ' ' || cp == 0x7f) {
                    out.append("\\x").append(hex(cp, 2));
                } else if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                    out.append("\\ufffd");
                } else if (cp < 0x10000) {
                    out.append("\\u").append(hex(cp, 4));
                } else {
                    out.append("\\U").append(hex(cp, 8));
                }
            }
        }
    }

    private static String hex(int value, int digits) {
        String hex = Integer.toHexString(value);
        return "0".repeat(Math.max(0, digits - hex.length())) + hex;
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space. */
    private static boolean isGoPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
