package dev.vigil.alerting.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Go's regexp (RE2 syntax, a subset of Java's) for reReplaceAll and match, with Go's template
 * expansion in replacements: {@code $name} takes the longest run of letters, digits and '_'
 * ({@code $1x} is the group named "1x", empty), {@code ${1}} delimits, {@code $$} is '$'.
 */
final class GoRegexp {
    private GoRegexp() {
    }

    static Pattern compile(String expr, boolean must) {
        try {
            return Pattern.compile(expr.replace("(?P<", "(?<"));
        } catch (PatternSyntaxException e) {
            String msg = "error parsing regexp: " + e.getDescription() + ": `" + expr + "`";
            throw new IllegalArgumentException(must ? "regexp: Compile(" + GoFmt.quote(expr).replace('"', '`') + "): " + msg
                    : msg);
        }
    }

    static boolean matchString(String pattern, String s) {
        return compile(pattern, false).matcher(s).find();
    }

    static String replaceAll(String pattern, String repl, String text) {
        Pattern p = compile(pattern, true);
        Matcher m = p.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        int prevEnd = -1;
        int from = 0;
        // Go ignores an empty match that abuts the previous match, then steps one rune on.
        while (from <= text.length() && m.find(from)) {
            int s = m.start();
            int e = m.end();
            if (!(s == e && s == prevEnd)) {
                out.append(text, last, s);
                expand(out, repl, m);
                last = e;
                prevEnd = e;
            }
            if (e > s) {
                from = e;
            } else if (e >= text.length()) {
                break;
            } else {
                from = text.offsetByCodePoints(e, 1);
            }
        }
        out.append(text, last, text.length());
        return out.toString();
    }

    private static void expand(StringBuilder out, String repl, Matcher m) {
        int n = repl.length();
        for (int k = 0; k < n; k++) {
            char c = repl.charAt(k);
            if (c != '$' || k + 1 >= n) {
                out.append(c);
                continue;
            }
            char d = repl.charAt(k + 1);
            if (d == '$') {
                out.append('$');
                k++;
                continue;
            }
            String name;
            int end;
            if (d == '{') {
                int close = repl.indexOf('}', k + 2);
                name = close < 0 ? "" : repl.substring(k + 2, close);
                if (close < 0 || !name.matches("\\w+")) {
                    out.append(c); // malformed: Go writes the '$' literally
                    continue;
                }
                end = close + 1;
            } else {
                end = k + 1;
                while (end < n && (Character.isLetterOrDigit(repl.charAt(end)) || repl.charAt(end) == '_')) {
                    end++;
                }
                if (end == k + 1) {
                    out.append(c);
                    continue;
                }
                name = repl.substring(k + 1, end);
            }
            out.append(group(m, name));
            k = end - 1;
        }
    }

    private static String group(Matcher m, String name) {
        String g = null;
        if (name.chars().allMatch(Character::isDigit)) {
            try {
                int i = Integer.parseInt(name);
                g = i <= m.groupCount() ? m.group(i) : null;
            } catch (NumberFormatException e) {
                g = null;
            }
        } else {
            try {
                g = m.group(name);
            } catch (IllegalArgumentException e) {
                g = null;
            }
        }
        return g == null ? "" : g;
    }
}
