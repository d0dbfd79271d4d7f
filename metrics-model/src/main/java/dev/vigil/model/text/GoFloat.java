package dev.vigil.model.text;

/** Go's {@code strconv.ParseFloat} syntax, as the text format's values use it. */
final class GoFloat {
    private GoFloat() {
    }

    /** The value, or NaN when the text is not a Go float (check {@link #isNaNWord}). */
    static double parse(String text) {
        switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "+inf", "inf", "+infinity", "infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (text.isEmpty() || !Character.isDigit(text.charAt(text.length() - 1)) && text.charAt(text.length() - 1) != '.') {
            return Double.NaN; // Java's d/f suffixes and stray words are not Go floats
        }
        if (text.indexOf(' ') >= 0 || text.indexOf('x') >= 0 && text.indexOf('p') < 0 && text.indexOf('P') < 0) {
            return Double.NaN; // Go wants a p exponent on hexadecimal floats
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static boolean isNaNWord(String text) {
        return text.equalsIgnoreCase("nan");
    }
}
