package dev.vigil.container.cgroup;

import dev.vigil.container.cgroup.CgroupStats.Pressure;
import dev.vigil.container.cgroup.CgroupStats.PressureLine;
import java.util.Map;
import java.util.Optional;

/** v2 {@code cpu.pressure}, {@code memory.pressure}, {@code io.pressure}: {@code some|full avg10= avg60= avg300= total=}. */
public final class PressureFile {
    private PressureFile() {
    }

    public static Pressure parse(String text) {
        return parse(text, SkippedLines.LOG);
    }

    public static Pressure parse(String text, SkippedLines skipped) {
        Map<String, Map<String, String>> lines = NestedKeyedFile.parse(text, skipped);
        return new Pressure(line("some", lines, skipped), line("full", lines, skipped));
    }

    private static Optional<PressureLine> line(String kind, Map<String, Map<String, String>> lines, SkippedLines skipped) {
        Map<String, String> fields = lines.get(kind);
        if (fields == null) {
            return Optional.empty();
        }
        Double avg10 = Numbers.parseDecimal(fields.getOrDefault("avg10", ""));
        Double avg60 = Numbers.parseDecimal(fields.getOrDefault("avg60", ""));
        Double avg300 = Numbers.parseDecimal(fields.getOrDefault("avg300", ""));
        Long total = Numbers.parseUnsigned(fields.getOrDefault("total", ""));
        if (avg10 == null || avg60 == null || avg300 == null || total == null) {
            skipped.skip(kind + " " + fields, "needs numeric avg10, avg60, avg300 and total");
            return Optional.empty();
        }
        return Optional.of(new PressureLine(avg10, avg60, avg300, total));
    }
}
