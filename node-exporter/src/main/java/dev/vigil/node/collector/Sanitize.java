package dev.vigil.node.collector;

/** node_exporter's {@code SanitizeMetricName}, for metric names made from what the host calls things. */
final class Sanitize {
    private Sanitize() {
    }

    /**
     * node_exporter's {@code SanitizeMetricName}: every run of characters outside {@code
     * [0-9A-Za-z_]}, with the underscores around it, becomes one {@code _}.
     */
    static String metricName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        int n = name.length();
        int i = 0;
        while (i < n) {
            if (!isNameChar(name.charAt(i))) {
                // swallow the underscores already written before this run
                int end = out.length();
                while (end > 0 && out.charAt(end - 1) == '_') {
                    end--;
                }
                out.setLength(end);
                while (i < n && !isNameChar(name.charAt(i))) {
                    i++;
                }
                while (i < n && name.charAt(i) == '_') {
                    i++;
                }
                out.append('_');
                continue;
            }
            out.append(name.charAt(i));
            i++;
        }
        return out.toString();
    }

    private static boolean isNameChar(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }
}
