package dev.vigil.promql.parser;

import dev.vigil.promql.ast.Printer;

/** Go's ways of quoting strings and runes, as Prometheus' messages show them. */
final class GoText {
    private GoText() {
    }

    /** Go's {@code %q} of a string. */
    static String quote(String s) {
        return Printer.quote(s);
    }

    /** The first {@code n} code points of {@code s}, as Go's {@code %.10q} truncates before quoting. */
    static String firstRunes(String s, int n) {
        int count = s.codePointCount(0, s.length());
        return count <= n ? s : s.substring(0, s.offsetByCodePoints(0, n));
    }

    /**
     * Go's {@code %q} of a rune: {@code 'x'}, {@code '\n'}, {@code '\''}; what is no rune (the
     * lexer's end of input, -1) is U+FFFD, as Go prints it.
     */
    static String quoteRune(int r) {
        if (r < 0 || r > Character.MAX_CODE_POINT || r >= Character.MIN_SURROGATE && r <= Character.MAX_SURROGATE) {
            r = 0xFFFD;
        }
        if (r == '\'') {
            return "'\\''";
        }
        if (r == '"') {
            return "'\"'";
        }
        String q = Printer.quote(new String(Character.toChars(r)));
        return "'" + q.substring(1, q.length() - 1) + "'";
    }

    /** Go's {@code %#U}: {@code U+0071 'q'}, the character left out when it is not printable. */
    static String unicodeForm(int r) {
        String hex = String.format("U+%04X", r);
        return Printer.isPrint(r) ? hex + " '" + new String(Character.toChars(r)) + "'" : hex;
    }
}
