package dev.vigil.jvm.agent.mbean;

/**
 * jmx_exporter's name functions: {@link #safeName} for metric and label names, {@link #snakeCase} for
 * {@code attrNameSnakeCase}, and the reserved-suffix strip client_java applies to family names.
 */
public final class Naming {
    /** Suffixes client_java reserves for the series it derives itself; a family name cannot end in one. */
    private static final String[] RESERVED_SUFFIXES = {"_total", "_created", "_bucket", "_info"};

    private Naming() {
    }

    /**
     * Every character outside {@code [a-zA-Z0-9:_]} becomes {@code _}, runs of underscores collapse into
     * one, and a leading digit gets an {@code _} in front ({@code "1a"} is {@code "_1a"}).
     */
    public static String safeName(String s) {
        StringBuilder out = new StringBuilder(s.length() + 1);
        if (!s.isEmpty() && Character.isDigit(s.charAt(0))) {
            out.append('_');
        }
        boolean lastWasUnderscore = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_' || !legal(c)) {
                if (!lastWasUnderscore) {
                    out.append('_');
                    lastWasUnderscore = true;
                }
            } else {
                out.append(c);
                lastWasUnderscore = false;
            }
        }
        return out.toString();
    }

    /**
     * {@code HeapMemoryUsage} to {@code heap_memory_usage}: an underscore before each upper-case letter
     * that follows neither an upper-case letter nor an underscore, then lower case ({@code CPULoad} is
     * {@code cpuload}).
     */
    public static String snakeCase(String s) {
        if (s.isEmpty()) {
            return s;
        }
        char first = s.charAt(0);
        boolean lastUpperOrUnderscore = Character.isUpperCase(first) || first == '_';
        StringBuilder out = new StringBuilder(s.length() + 4).append(Character.toLowerCase(first));
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean upper = Character.isUpperCase(c);
            if (!lastUpperOrUnderscore && upper) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
            lastUpperOrUnderscore = upper || c == '_';
        }
        return out.toString();
    }

    /**
     * The family name client_java keeps: reserved suffixes are taken off (repeatedly), as jmx_exporter
     * 1.0.1's output shows ({@code name: x_total} with {@code type: GAUGE} is served as {@code x}; a
     * counter gets {@code _total} back from the text format).
     */
    public static String familyName(String name) {
        String out = name;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String suffix : RESERVED_SUFFIXES) {
                if (out.endsWith(suffix) && out.length() > suffix.length()) {
                    out = out.substring(0, out.length() - suffix.length());
                    stripped = true;
                }
            }
        }
        return out;
    }

    private static boolean legal(char c) {
        return c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
