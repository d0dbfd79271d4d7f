package dev.vigil.node.procfs;

import java.util.ArrayList;
import java.util.List;

/** Go's {@code strings.Fields} and {@code bufio.Scanner} lines, without regex. */
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

    /**
     * The lines of {@code text} as Go's {@code bufio.Scanner} yields them: split at newlines, a
     * trailing carriage return dropped, and no empty last line after a final newline.
     */
    static String[] lines(String text) {
        if (text.isEmpty()) {
            return NONE;
        }
        String[] lines = text.split("\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            String line = lines[i];
            out[i] = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        }
        return out;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }
}
