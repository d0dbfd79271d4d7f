package dev.vigil.container.proc;

import java.util.OptionalLong;

/**
 * Parses {@code /proc/<pid>/limits} for {@code container_ulimits_soft}: cAdvisor reports only
 * {@code max_open_files}, from the container's root process.
 */
public final class ProcLimits {
    /** What cAdvisor reports for a soft limit of {@code unlimited}. */
    public static final long UNLIMITED = -1;

    private ProcLimits() {
    }

    /**
     * The soft limit of the {@code Max open files} line ({@code unlimited} ⇒ {@link #UNLIMITED}),
     * or empty when the line is missing or its value is neither (cAdvisor then omits the sample).
     */
    public static OptionalLong maxOpenFilesSoft(String limits) {
        for (String line : limits.split("\n")) {
            if (!line.startsWith("Max open files")) {
                continue;
            }
            // Columns are padded with two or more spaces; the name itself has single spaces.
            String[] columns = line.strip().split("\\s{2,}");
            if (columns.length < 3) {
                return OptionalLong.empty();
            }
            String soft = columns[1].strip();
            if (soft.equalsIgnoreCase("unlimited")) {
                return OptionalLong.of(UNLIMITED);
            }
            try {
                return OptionalLong.of(Long.parseLong(soft));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }
}
