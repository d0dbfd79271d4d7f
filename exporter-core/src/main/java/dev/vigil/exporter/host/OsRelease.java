package dev.vigil.exporter.host;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code os-release(5)}: {@code KEY=value} lines, parsed as node_exporter parses them (with
 * hashicorp/go-envparse): blank lines and {@code #} comments skipped, an {@code export} prefix
 * dropped, values unquoted ({@code "..."} with the escapes {@code \" \\ / \b \f \r \n \t \\uXXXX},
 * {@code '...'} verbatim), an unquoted {@code #} starting a comment. A line it cannot parse makes the
 * whole file invalid.
 */
public final class OsRelease {
    private final Map<String, String> fields;

    private OsRelease(Map<String, String> fields) {
        this.fields = fields;
    }

    /** A field, or {@code ""} if the file does not set it. */
    public String get(String key) {
        return fields.getOrDefault(key, "");
    }

    /**
     * The major.minor part of {@code VERSION_ID} as a number ({@code 20.04.1} is 20.04, {@code 8.10}
     * is 8.1), or 0 if it does not start with a digit.
     */
    public double version() {
        String id = get("VERSION_ID");
        int i = 0;
        while (i < id.length() && isDigit(id.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return 0;
        }
        if (i < id.length() && id.charAt(i) == '.') {
            i++;
            while (i < id.length() && isDigit(id.charAt(i))) {
                i++;
            }
        }
        return Double.parseDouble(id.substring(0, i));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Parses the file's text.
     *
     * @throws IllegalArgumentException naming the first line it cannot parse
     */
    public static OsRelease parse(String text) {
        Map<String, String> fields = new HashMap<>();
        int number = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            start = end + 1;
            number++;
            try {
                parseLine(line, fields);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("error on line " + number + ": " + e.getMessage(), e);
            }
        }
        return new OsRelease(fields);
    }

    private static void parseLine(String raw, Map<String, String> fields) {
        String line = GoStrconv.trimSpace(raw);
        if (line.isEmpty() || line.charAt(0) == '#') {
            return;
        }
        int eq = line.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("missing =");
        }
        String key = GoStrconv.trimSpace(line.substring(0, eq));
        String value = GoStrconv.trimSpace(line.substring(eq + 1));
        if (key.length() > "export ".length() && key.startsWith("export ")) {
            key = key.substring("export ".length());
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("empty key");
        }
        char first = key.charAt(0);
        if (!((first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z') || first == '_')) {
            throw new IllegalArgumentException("key must start with [A-Za-z_] but found '" + first + "'");
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
                throw new IllegalArgumentException("key characters must be [A-Za-z0-9_] but found '" + c + "'");
            }
        }
        fields.put(key, value.isEmpty() ? "" : unquote(value));
    }

    private enum Mode { NORMAL, DOUBLE, SINGLE, ESCAPE }

    private static String unquote(String value) {
        StringBuilder out = new StringBuilder(value.length());
        int lastSignificant = 0;
        Mode mode = Mode.NORMAL;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 32) {
                throw new IllegalArgumentException(String.format("0x%02x is an invalid value character", (int) c));
            }
            if (c > 127) {
                if (mode == Mode.ESCAPE) {
                    throw new IllegalArgumentException("multibyte characters disallowed in escape sequences");
                }
                out.append(c);
                lastSignificant = out.length();
                continue;
            }
            switch (mode) {
                case NORMAL -> {
                    if (c == '"') {
                        mode = Mode.DOUBLE;
                    } else if (c == '\'') {
                        mode = Mode.SINGLE;
                    } else if (c == '#') {
                        return out.substring(0, lastSignificant); // a comment: drop it and the blanks before
                    } else if (c == ' ') {
                        out.append(c);
                    } else {
                        out.append(c);
                        lastSignificant = out.length();
                    }
                }
                case DOUBLE -> {
                    if (c == '"') {
                        mode = Mode.NORMAL;
                    } else if (c == '\\') {
                        mode = Mode.ESCAPE;
                    } else {
                        out.append(c);
                        lastSignificant = out.length();
                    }
                }
                case ESCAPE -> {
                    switch (c) {
                        case '"', '\\', '/' -> out.append(c);
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'r' -> out.append('\r');
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'u' -> i = unicodeEscape(value, i, out);
                        default -> throw new IllegalArgumentException("invalid escape sequence: \"" + c + "\"");
                    }
                    lastSignificant = out.length();
                    mode = Mode.DOUBLE;
                }
                case SINGLE -> {
                    if (c == '\'') {
                        mode = Mode.NORMAL;
                    } else {
                        out.append(c);
                        lastSignificant = out.length();
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
        return switch (mode) {
            case NORMAL -> out.toString();
            case DOUBLE -> throw new IllegalArgumentException("unmatched \"");
            case SINGLE -> throw new IllegalArgumentException("unmatched '");
            case ESCAPE -> throw new IllegalArgumentException("incomplete escape sequence");
        };
    }

    /** Appends the character of {@code \\uXXXX} (and its low surrogate's), returns the last index read. */
    private static int unicodeEscape(String value, int u, StringBuilder out) {
        int first = hex(value, u + 1);
        int i = u + 4;
        if (first >= 0xD800 && first <= 0xDFFF) {
            if (value.length() < i + 7 || value.charAt(i + 1) != '\\' || value.charAt(i + 2) != 'u') {
                throw new IllegalArgumentException("incomplete surrogate pair");
            }
            int second = hex(value, i + 3);
            i += 6;
            if (Character.isHighSurrogate((char) first) && Character.isLowSurrogate((char) second)) {
                out.appendCodePoint(Character.toCodePoint((char) first, (char) second));
            } else {
                out.append('\uFFFD');
            }
            return i;
        }
        out.append((char) first);
        return i;
    }

    private static int hex(String value, int start) {
        if (value.length() < start + 4) {
            throw new IllegalArgumentException("incomplete hex sequence");
        }
        int r = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(value.charAt(start + k), 16);
            if (d < 0 || value.charAt(start + k) > 127) {
                throw new IllegalArgumentException("invalid hex character: \"" + value.charAt(start + k) + "\"");
            }
            r = r * 16 + d;
        }
        return r;
    }
}
