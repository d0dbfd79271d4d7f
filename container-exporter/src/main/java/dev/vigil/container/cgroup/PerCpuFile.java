package dev.vigil.container.cgroup;

import java.util.ArrayList;
import java.util.List;

/** v1 {@code cpuacct.usage_percpu}: one space-separated nanosecond counter per possible CPU. */
public final class PerCpuFile {
    private PerCpuFile() {
    }

    public static List<Long> parse(String text) {
        return parse(text, SkippedLines.LOG);
    }

    /**
     * Values by CPU index. A value that is not a number makes the whole list unusable (every later
     * index would shift onto the wrong CPU), so the result is then empty.
     */
    public static List<Long> parse(String text, SkippedLines skipped) {
        String trimmed = text.strip();
        List<Long> values = new ArrayList<>();
        if (trimmed.isEmpty()) {
            return List.of();
        }
        for (String field : Fields.split(trimmed)) {
            Long value = Numbers.parseUnsigned(field);
            if (value == null) {
                skipped.skip(trimmed, "per-CPU value '" + field + "' is not an unsigned integer; list dropped");
                return List.of();
            }
            values.add(value);
        }
        return List.copyOf(values);
    }
}
