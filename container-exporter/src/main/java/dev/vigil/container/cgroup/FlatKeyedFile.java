package dev.vigil.container.cgroup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Files of {@code key value} lines: {@code memory.stat}, {@code cpu.stat}, {@code cpuacct.stat},
 * {@code memory.events}, {@code memory.oom_control}, {@code pids.events}.
 */
public final class FlatKeyedFile {
    private FlatKeyedFile() {
    }

    public static Map<String, Long> parse(String text) {
        return parse(text, SkippedLines.LOG);
    }

    /** Keys in file order; a repeated key keeps its first value. */
    public static Map<String, Long> parse(String text, SkippedLines skipped) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] fields = Fields.split(trimmed);
            if (fields.length != 2) {
                skipped.skip(line, "expected 'key value', found " + fields.length + " fields");
                continue;
            }
            Long value = Numbers.parseUnsigned(fields[1]);
            if (value == null) {
                skipped.skip(line, "value is not an unsigned integer");
                continue;
            }
            values.putIfAbsent(fields[0], value);
        }
        return values;
    }
}
