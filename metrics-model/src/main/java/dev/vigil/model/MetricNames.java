package dev.vigil.model;

/**
 * Prometheus' classic naming rules: metric names match {@code [a-zA-Z_:][a-zA-Z0-9_:]*} and label
 * names {@code [a-zA-Z_][a-zA-Z0-9_]*}; label names starting with {@code __} are reserved.
 *
 * <p>Checks walk the characters instead of using a regex because they sit on the scrape path.
 */
public final class MetricNames {
    private MetricNames() {
    }

    /** Whether {@code name} is a valid metric name. */
    public static boolean isValidMetricName(CharSequence name) {
        int length = name.length();
        if (length == 0) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            boolean ok = isLetterOrUnderscore(c) || c == ':' || (i > 0 && isDigit(c));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code name} is a valid label name (reserved {@code __} names included). */
    public static boolean isValidLabelName(CharSequence name) {
        int length = name.length();
        if (length == 0) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (!(isLetterOrUnderscore(c) || (i > 0 && isDigit(c)))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a label name is reserved for Prometheus' internal use ({@code __name__}, ...). */
    public static boolean isReservedLabelName(CharSequence name) {
        return name.length() >= 2 && name.charAt(0) == '_' && name.charAt(1) == '_';
    }

    /**
     * Checks a metric name and returns it.
     *
     * @throws IllegalArgumentException naming the bad name
     */
    public static String requireMetricName(String name) {
        if (!isValidMetricName(name)) {
            throw new IllegalArgumentException("invalid metric name \"" + name + "\"");
        }
        return name;
    }

    /**
     * Checks a label name and returns it.
     *
     * @throws IllegalArgumentException naming the bad name
     */
    public static String requireLabelName(String name) {
        if (!isValidLabelName(name)) {
            throw new IllegalArgumentException("invalid label name \"" + name + "\"");
        }
        return name;
    }

    private static boolean isLetterOrUnderscore(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
