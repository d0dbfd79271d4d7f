package dev.vigil.model;

import java.util.regex.Matcher;

/** Go's regexp behaviour where Java's differs and Prometheus users see it. */
public final class GoRegexp {
    private GoRegexp() {
    }

    /**
     * Go's {@code Regexp.Expand}: {@code $1}, {@code ${1}}, {@code $name}, {@code ${name}} and
     * {@code $$}; in {@code $name} the name is the longest run of letters, digits and underscores
     * (so {@code $1x} means the group named "1x", which is empty). Unknown groups expand to "".
     */
    public static String expand(String template, Matcher m) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 == template.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = template.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            String name;
            int end;
            if (next == '{') {
                int close = template.indexOf('}', i + 2);
                if (close < 0) {
                    out.append(c);
                    i++;
                    continue;
                }
                name = template.substring(i + 2, close);
                end = close + 1;
                if (name.isEmpty() || !isName(name)) {
                    out.append(c);
                    i++;
                    continue;
                }
            } else {
                int j = i + 1;
                while (j < template.length() && isNameChar(template.charAt(j))) {
                    j++;
                }
                if (j == i + 1) {
                    out.append(c);
                    i++;
                    continue;
                }
                name = template.substring(i + 1, j);
                end = j;
            }
            out.append(group(m, name));
            i = end;
        }
        return out.toString();
    }

    private static String group(Matcher m, String name) {
        boolean numeric = name.chars().allMatch(Character::isDigit);
        try {
            String g;
            if (numeric) {
                int n = Integer.parseInt(name);
                g = n <= m.groupCount() ? m.group(n) : null;
            } else {
                g = m.group(name);
            }
            return g == null ? "" : g;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return "";
        }
    }

    private static boolean isName(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isNameChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c) && c < 128;
    }
}
