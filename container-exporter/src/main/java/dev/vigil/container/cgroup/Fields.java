package dev.vigil.container.cgroup;

import java.util.ArrayList;
import java.util.List;

/**
 * Whitespace-separated fields of a line, split by hand: a scrape splits thousands of cgroup file
 * lines, and a regex split (even a precompiled one) was a tenth of the collector's CPU.
 */
final class Fields {
    private static final String[] NONE = {};

    private Fields() {
    }

    /**
     * As {@code text.split("\\s+")}: whitespace is {@code [ \t\n\x0B\f\r]}, leading whitespace gives a
     * leading empty field, trailing whitespace none.
     */
    static String[] split(String text) {
        int n = text.length();
        if (n == 0) {
            return new String[] {""};
        }
        List<String> fields = null;
        String first = null;
        int i = 0;
        int count = 0;
        if (isSpace(text.charAt(0))) {
            first = "";
            count = 1;
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            if (i == n) {
                return NONE; // all whitespace: the regex's one empty field is dropped as trailing
            }
        }
        while (i < n) {
            int start = i;
            while (i < n && !isSpace(text.charAt(i))) {
                i++;
            }
            String field = text.substring(start, i);
            if (count == 0) {
                first = field;
            } else {
                if (fields == null) {
                    fields = new ArrayList<>(4);
                    fields.add(first);
                }
                fields.add(field);
            }
            count++;
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
        }
        return fields == null ? new String[] {first} : fields.toArray(NONE);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
