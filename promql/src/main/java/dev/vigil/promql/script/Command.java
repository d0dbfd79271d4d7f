package dev.vigil.promql.script;

import java.util.List;

/** One command of a test script, with the 1-based line it starts on. */
public sealed interface Command {
    int line();

    /** {@code load <interval>}: each series' values at 0, interval, 2*interval, ... (ms). */
    record Load(int line, long intervalMillis, List<SeriesDescription> series) implements Command {
        public Load {
            series = List.copyOf(series);
        }
    }

    /** {@code clear}: forget every series loaded so far. */
    record Clear(int line) implements Command {
    }

    /**
     * {@code eval[_fail|_ordered] instant at <t> <expr>} or
     * {@code eval[_fail] range from <t> to <t> step <d> <expr>}, with what it must return: a scalar,
     * or series each with one value (instant) or one value per step (range, {@code _} for none).
     * An instant eval has {@code end == start} and {@code step == 0}.
     */
    record Eval(int line, String expr, long start, long end, long step, boolean fail, boolean ordered,
            Double expectedScalar, List<SeriesDescription> expected) implements Command {
        public Eval {
            expected = List.copyOf(expected);
        }

        public boolean range() {
            return step > 0;
        }

        /** The step times of a range eval (just {@code start} for an instant one). */
        public long[] stepTimes() {
            if (!range()) {
                return new long[] {start};
            }
            long[] times = new long[(int) ((end - start) / step) + 1];
            for (int i = 0; i < times.length; i++) {
                times[i] = start + i * step;
            }
            return times;
        }
    }
}
