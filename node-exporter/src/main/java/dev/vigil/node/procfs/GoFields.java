package dev.vigil.node.procfs;

import java.util.ArrayList;
import java.util.List;

/** Go's {@code strings.Fields}: words separated by runs of white space, without regex. */
final class GoFields {
    private static final String[] NONE = new String[0];

    private GoFields() {
    }

    /** The words of {@code line}; empty for a blank line. */
    static String[] split(String line) {
        List<String> words = null;
        int length = line.length();
        int i = 0;
        while (i < length) {
            while (i < length && isSpace(line.charAt(i))) {
                i++;
            }
            if (i == length) {
                break;
            }
            int start = i;
            while (i < length && !isSpace(line.charAt(i))) {
                i++;
            }
            if (words == null) {
                words = new ArrayList<>(16);
            }
            words.add(line.substring(start, i));
        }
        return words == null ? NONE : words.toArray(NONE);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }
}
