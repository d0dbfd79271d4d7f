package dev.vigil.promql.script;

import dev.vigil.model.Labels;
import dev.vigil.promql.value.Matrix;
import dev.vigil.promql.value.Sample;
import dev.vigil.promql.value.Scalar;
import dev.vigil.promql.value.Series;
import dev.vigil.promql.value.StringValue;
import dev.vigil.promql.value.Value;
import dev.vigil.promql.value.Vector;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a query's result with an eval's expectations the way Prometheus' test does: the same
 * set of series (order only for {@code eval_ordered}), values equal within a relative 1e-6 (NaN
 * equals NaN); for a range eval, the same points at the same steps. Returns null when they agree,
 * else a message saying what was expected and what came.
 */
final class ResultCheck {
    /** The smallest positive normal double, under which Go's test compares absolutely. */
    private static final double MIN_NORMAL = Double.MIN_NORMAL;
    private static final double EPSILON = 0.000001;
    private static final int SHOWN = 6;

    private ResultCheck() {
    }

    /** Prometheus 2.42's {@code almostEqual}. */
    static boolean almostEqual(double a, double b) {
        if (Double.isNaN(a) && Double.isNaN(b)) {
            return true;
        }
        if (a == b) {
            return true;
        }
        double diff = Math.abs(a - b);
        if (a == 0 || b == 0 || diff < MIN_NORMAL) {
            return diff < EPSILON * MIN_NORMAL;
        }
        return diff / (Math.abs(a) + Math.abs(b)) < EPSILON;
    }

    static String instant(Command.Eval eval, Value result) {
        return switch (result) {
            case Scalar s -> eval.expectedScalar() != null ? scalar(eval.expectedScalar(), s.v())
                    : "expected a vector (" + eval.expected().size() + " series) but got scalar " + ScriptValues.format(s.v());
            case Vector v -> eval.expectedScalar() != null
                    ? "expected scalar " + ScriptValues.format(eval.expectedScalar()) + " but got vector " + show(v.samples())
                    : vector(eval, v.samples());
            case Matrix m -> "received range result on instant evaluation";
            case StringValue s -> "unexpected string result \"" + s.v() + "\"";
        };
    }

    static String scalar(double expected, double got) {
        return almostEqual(expected, got) ? null
                : "expected scalar " + ScriptValues.format(expected) + " but got " + ScriptValues.format(got);
    }

    static String vector(Command.Eval eval, List<Sample> got) {
        Map<Labels, Integer> position = new HashMap<>();
        for (int i = 0; i < eval.expected().size(); i++) {
            position.put(eval.expected().get(i).labels(), i);
        }
        Set<Labels> seen = new HashSet<>();
        for (int pos = 0; pos < got.size(); pos++) {
            Sample s = got.get(pos);
            Integer at = position.get(s.metric());
            if (at == null) {
                return "unexpected metric " + ScriptLabels.format(s.metric()) + " in result " + show(got);
            }
            if (!seen.add(s.metric())) {
                return "metric " + ScriptLabels.format(s.metric()) + " twice in result " + show(got);
            }
            double expected = eval.expected().get(at).values().get(0).value();
            if (eval.ordered() && at != pos) {
                return "expected metric " + ScriptLabels.format(s.metric()) + " at position " + (at + 1)
                        + " but it was at " + (pos + 1) + " in result " + show(got);
            }
            if (!almostEqual(expected, s.v())) {
                return "expected " + ScriptValues.format(expected) + " for " + ScriptLabels.format(s.metric())
                        + " but got " + ScriptValues.format(s.v());
            }
        }
        for (SeriesDescription d : eval.expected()) {
            if (!seen.contains(d.labels())) {
                return "expected metric " + ScriptLabels.format(d.labels()) + " with " + d.values().get(0)
                        + " not found in result " + show(got);
            }
        }
        return null;
    }

    static String range(Command.Eval eval, Value result) {
        if (!(result instanceof Matrix matrix)) {
            return "expected a range result but got " + result.type();
        }
        Map<Labels, SeriesDescription> expected = new HashMap<>();
        for (SeriesDescription d : eval.expected()) {
            expected.put(d.labels(), d);
        }
        long[] times = eval.stepTimes();
        Set<Labels> seen = new HashSet<>();
        for (Series s : matrix.series()) {
            SeriesDescription d = expected.get(s.metric());
            if (d == null) {
                return "unexpected metric " + ScriptLabels.format(s.metric()) + " in result, has " + points(s);
            }
            if (!seen.add(s.metric())) {
                return "metric " + ScriptLabels.format(s.metric()) + " twice in result";
            }
            int k = 0;
            for (int i = 0; i < d.values().size(); i++) {
                SequenceValue want = d.values().get(i);
                if (want.omitted()) {
                    continue;
                }
                if (k >= s.size()) {
                    return "expected a point at t=" + times[i] + " for " + ScriptLabels.format(s.metric())
                            + " but the result has " + points(s);
                }
                if (s.timestamps()[k] != times[i]) {
                    return "expected the point at index " + k + " for " + ScriptLabels.format(s.metric())
                            + " at t=" + times[i] + " but it is at t=" + s.timestamps()[k] + " (result has "
                            + points(s) + ")";
                }
                if (!almostEqual(want.value(), s.values()[k])) {
                    return "expected " + want + " at t=" + times[i] + " for " + ScriptLabels.format(s.metric())
                            + " but got " + ScriptValues.format(s.values()[k]) + " (result has " + points(s) + ")";
                }
                k++;
            }
            if (k != s.size()) {
                return "expected " + k + " points for " + ScriptLabels.format(s.metric()) + " but got " + s.size()
                        + ": " + points(s);
            }
        }
        for (SeriesDescription d : eval.expected()) {
            if (!seen.contains(d.labels())) {
                return "expected metric " + ScriptLabels.format(d.labels()) + " not found in result of "
                        + matrix.series().size() + " series";
            }
        }
        return null;
    }

    static String show(List<Sample> samples) {
        if (samples.isEmpty()) {
            return "{} (empty)";
        }
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < samples.size() && i < SHOWN; i++) {
            Sample s = samples.get(i);
            out.append(i > 0 ? ", " : "").append(ScriptLabels.format(s.metric())).append(' ')
                    .append(ScriptValues.format(s.v()));
        }
        if (samples.size() > SHOWN) {
            out.append(", ... ").append(samples.size() - SHOWN).append(" more");
        }
        return out.append(']').toString();
    }

    private static String points(Series s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.size() && i < 3 * SHOWN; i++) {
            out.append(i > 0 ? " " : "").append(ScriptValues.format(s.values()[i])).append(" @").append(s.timestamps()[i]);
        }
        if (s.size() > 3 * SHOWN) {
            out.append(" ...");
        }
        return s.size() == 0 ? "no points" : out.toString();
    }
}
