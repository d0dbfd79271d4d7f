package dev.vigil.container.proc;

import java.util.OptionalLong;

/** Parses the fields we need from {@code /proc/<pid>/status}. */
public final class ProcStatus {
    private ProcStatus() {
    }

    /**
     * The {@code Threads:} count, or empty when the line is missing.
     *
     * @throws IllegalArgumentException when the line's value is not a number
     */
    public static OptionalLong threads(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("Threads:")) {
                return OptionalLong.of(Numbers.parseUnsigned(line.substring("Threads:".length()).strip(), line));
            }
        }
        return OptionalLong.empty();
    }
}
