package dev.vigil.node.procfs;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /proc/schedstat}: per CPU, the time spent running tasks and waiting to run (both in
 * nanoseconds since CFS) and the number of timeslices run. Only the {@code cpuN} lines with at
 * least nine counters count; domain, version and timestamp lines and malformed lines are skipped,
 * as prometheus/procfs skips them.
 */
public final class Schedstat {
    private Schedstat() {
    }

    /**
     * One {@code cpuN} line's scheduler counters.
     *
     * @param cpu the CPU number as written after {@code cpu}
     */
    public record Cpu(String cpu, double runningNanoseconds, double waitingNanoseconds, double timeslices) {
    }

    /** The CPU lines in file order. */
    public static List<Cpu> parse(String text) {
        List<Cpu> cpus = new ArrayList<>();
        double[] counters = new double[9];
        TextCursor in = new TextCursor(text);
        lines:
        while (in.nextLine()) {
            if (!in.fieldStartsWith("cpu")) {
                continue;
            }
            String name = in.field();
            String number = name.substring(3);
            if (number.isEmpty() || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
                continue;
            }
            for (int i = 0; i < counters.length; i++) {
                if (!in.hasField()) {
                    continue lines;
                }
                try {
                    counters[i] = in.unsignedField();
                } catch (NumberFormatException e) {
                    continue lines;
                }
            }
            // Fields 7-9: run time, wait time and timeslices of this CPU's tasks.
            cpus.add(new Cpu(number, counters[6], counters[7], counters[8]));
        }
        return cpus;
    }
}
