package dev.vigil.promql.parser;

import java.util.regex.PatternSyntaxException;

/**
 * Go's {@code regexp} error text for a label matcher's regular expression, made from Java's
 * {@link PatternSyntaxException} for the common mistakes (unclosed group or class, stray
 * {@code )}, bad escape, bare repetition). Go quotes the anchored form {@code ^(?:re)$} that
 * Prometheus compiles, and so do we. Other Java descriptions pass through in Go's frame.
 */
final class RegexErrors {
    private RegexErrors() {
    }

    static String goMessage(PatternSyntaxException e) {
        String pattern = e.getPattern();
        String description = e.getDescription();
        int index = e.getIndex();
        String code;
        String expr;
        if (description.startsWith("Unclosed group")) {
            code = "missing closing )";
            expr = pattern;
        } else if (description.startsWith("Unmatched closing ')'")) {
            code = "unexpected )";
            expr = pattern;
        } else if (description.startsWith("Unclosed character class")) {
            code = "missing closing ]";
            expr = pattern.substring(openClass(pattern));
        } else if (description.startsWith("Dangling meta character")) {
            code = "missing argument to repetition operator";
            expr = index >= 0 && index < pattern.length() ? pattern.substring(index, index + 1) : "";
        } else if (description.startsWith("Illegal/unsupported escape sequence") && index > 0) {
            code = "invalid escape sequence";
            int at = pattern.lastIndexOf('\\', index);
            expr = at >= 0 && at + 2 <= pattern.length() ? pattern.substring(at, at + 2) : "";
        } else if (description.startsWith("Illegal character range") && index > 1) {
            code = "invalid character class range";
            expr = pattern.substring(Math.max(0, index - 2), Math.min(pattern.length(), index + 1));
        } else {
            code = description;
            expr = pattern;
        }
        return "error parsing regexp: " + code + ": `" + expr + "`";
    }

    /** Where the character class left open at the end of {@code pattern} starts. */
    private static int openClass(String pattern) {
        int start = -1;
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (!inClass && c == '[') {
                inClass = true;
                start = i;
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '^') {
                    i++;
                }
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') {
                    i++;
                }
            } else if (inClass && c == ']') {
                inClass = false;
            }
        }
        return Math.max(start, 0);
    }
}
