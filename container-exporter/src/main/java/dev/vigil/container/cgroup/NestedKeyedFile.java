package dev.vigil.container.cgroup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Files of {@code key k1=v1 k2=v2 ...} lines: v2 {@code io.stat} ({@code 8:0 rbytes=1 wbytes=2})
 * and the PSI files ({@code some avg10=0.00 ... total=123}). Values stay strings: io.stat holds
 * integers, PSI decimals, and the typed readers above this one know which.
 */
public final class NestedKeyedFile {
    private NestedKeyedFile() {
    }

    public static Map<String, Map<String, String>> parse(String text) {
        return parse(text, SkippedLines.LOG);
    }

    /** Line keys in file order; a repeated line key keeps its first line. */
    public static Map<String, Map<String, String>> parse(String text, SkippedLines skipped) {
        Map<String, Map<String, String>> lines = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] fields = Fields.split(trimmed);
            Map<String, String> pairs = new LinkedHashMap<>();
            String problem = null;
            for (int i = 1; i < fields.length && problem == null; i++) {
                int eq = fields[i].indexOf('=');
                if (eq <= 0 || eq == fields[i].length() - 1) {
                    problem = "field '" + fields[i] + "' is not key=value";
                } else {
                    pairs.putIfAbsent(fields[i].substring(0, eq), fields[i].substring(eq + 1));
                }
            }
            if (problem == null && fields[0].contains("=")) {
                problem = "line starts with a key=value field, not a line key";
            }
            if (problem != null) {
                skipped.skip(line, problem);
                continue;
            }
            lines.putIfAbsent(fields[0], pairs);
        }
        return lines;
    }
}
