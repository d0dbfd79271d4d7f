package dev.vigil.exporter.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test helper (also for the hub's and alerting's config fuzz targets): what a config error must say. */
public final class ConfigErrors {
    private ConfigErrors() {
    }

    /** {@code e} names {@code file}, a line of {@code text} (0: none) and a reason. */
    public static void assertWellFormed(ConfigException e, String file, String text) {
        assertEquals(file, e.file(), e.getMessage());
        long lines = yamlLines(text);
        assertTrue(e.line() >= 0 && e.line() <= lines, () -> "line " + e.line() + " of " + lines + ": " + e.getMessage());
        assertFalse(e.reason() == null || e.reason().isBlank(), "a reason");
    }

    /** Lines as YAML counts them: {@code \n}, {@code \r\n}, a lone {@code \r}, NEL, LS and PS each end one. */
    static long yamlLines(String text) {
        long n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029'
                    || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                n++;
            }
        }
        return n;
    }
}
