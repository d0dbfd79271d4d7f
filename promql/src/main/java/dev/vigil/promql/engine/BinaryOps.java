package dev.vigil.promql.engine;

import dev.vigil.model.Labels;
import dev.vigil.promql.ast.BinaryExpr;
import dev.vigil.promql.ast.BinaryOp;
import dev.vigil.promql.ast.ValueType;
import dev.vigil.promql.ast.VectorMatching;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binary operators as Prometheus 2.42 evaluates them: scalar/scalar, vector/scalar (comparisons
 * filter, or give 0/1 with {@code bool}), vector/vector with one-to-one or group_left/right
 * matching and its errors, and the set operators {@code and}, {@code or}, {@code unless}.
 */
final class BinaryOps {
    private BinaryOps() {
    }

    static List<EvalSeries> eval(Evaluator ev, BinaryExpr e) {
        ValueType lt = e.lhs().type();
        ValueType rt = e.rhs().type();
        BinaryOp op = e.op();
        if (lt == ValueType.SCALAR && rt == ValueType.SCALAR) {
            return ev.rangeEval(null, (args, h, ts, out) ->
                    out.add(Labels.EMPTY, scalarOp(op, args[0].scalar(), args[1].scalar())), false, e.lhs(), e.rhs());
        }
        if (lt == ValueType.VECTOR && rt == ValueType.VECTOR) {
            VectorMatching matching = e.matching();
            Evaluator.SeriesPrep signature = metric -> signature(metric, matching);
            return switch (op) {
                case LAND -> ev.rangeEval(signature, (args, h, ts, out) -> and(args[0], args[1], h, out), true,
                        e.lhs(), e.rhs());
                case LOR -> ev.rangeEval(signature, (args, h, ts, out) -> or(args[0], args[1], h, out), true,
                        e.lhs(), e.rhs());
                case LUNLESS -> ev.rangeEval(signature, (args, h, ts, out) -> unless(args[0], args[1], h, out), true,
                        e.lhs(), e.rhs());
                default -> {
                    VectorBinop binop = new VectorBinop(op, matching, e.returnBool());
                    yield ev.rangeEval(signature, binop::call, true, e.lhs(), e.rhs());
                }
            };
        }
        boolean swap = lt == ValueType.SCALAR;
        Map<Labels, Labels> dropped = new HashMap<>();
        return ev.rangeEval(null, (args, h, ts, out) -> {
            StepVector vec = swap ? args[1] : args[0];
            double scalar = swap ? args[0].scalar() : args[1].scalar();
            boolean dropName = shouldDropMetricName(op) || e.returnBool();
            for (int i = 0; i < vec.size; i++) {
                double lv = vec.v[i];
                double rv = scalar;
                if (swap) {
                    lv = scalar;
                    rv = vec.v[i];
                }
                double value = elemOp(op, lv, rv);
                boolean keep = !op.isComparison() || compare(op, lv, rv);
                if (op.isComparison() && swap) {
                    value = rv;
                }
                if (e.returnBool()) {
                    value = keep ? 1 : 0;
                    keep = true;
                }
                if (keep) {
                    Labels m = vec.metric[i];
                    if (dropName) {
                        m = dropped.computeIfAbsent(m, Labels::withoutMetricName);
                    }
                    out.add(m, value);
                }
            }
        }, true, e.lhs(), e.rhs());
    }

    static boolean shouldDropMetricName(BinaryOp op) {
        return switch (op) {
            case ADD, SUB, DIV, MUL, POW, MOD -> true; // atan2 keeps the name in 2.42
            default -> false;
        };
    }

    /** The value of {@code lhs op rhs}; for comparisons, the left value (kept or not by {@link #compare}). */
    static double elemOp(BinaryOp op, double l, double r) {
        return switch (op) {
            case ADD -> l + r;
            case SUB -> l - r;
            case MUL -> l * r;
            case DIV -> l / r;
            case POW -> Math.pow(l, r);
            case MOD -> l % r;
            case ATAN2 -> Math.atan2(l, r);
            default -> l;
        };
    }

    static boolean compare(BinaryOp op, double l, double r) {
        return switch (op) {
            case EQLC -> l == r;
            case NEQ -> l != r;
            case GTR -> l > r;
            case LSS -> l < r;
            case GTE -> l >= r;
            case LTE -> l <= r;
            default -> throw new IllegalStateException("not a comparison: " + op);
        };
    }

    static double scalarOp(BinaryOp op, double l, double r) {
        if (op.isComparison()) {
            return compare(op, l, r) ? 1 : 0;
        }
        return elemOp(op, l, r);
    }

    /**
     * The labels two sides match on: with {@code on(...)} those labels, with {@code ignoring(...)}
     * all but those and the metric name.
     */
    static Labels signature(Labels metric, VectorMatching matching) {
        if (matching.on()) {
            Labels.Builder b = Labels.builder();
            for (String name : matching.matchingLabels()) {
                b.set(name, metric.get(name));
            }
            return b.build();
        }
        Labels.Builder b = metric.toBuilder().remove(Labels.METRIC_NAME);
        for (String name : matching.matchingLabels()) {
            b.remove(name);
        }
        return b.build();
    }

    private static void and(StepVector lhs, StepVector rhs, Object[][] h, StepVector out) {
        if (lhs.size == 0 || rhs.size == 0) {
            return;
        }
        Set<Object> right = new HashSet<>();
        for (int i = 0; i < rhs.size; i++) {
            right.add(h[1][rhs.series[i]]);
        }
        for (int i = 0; i < lhs.size; i++) {
            if (right.contains(h[0][lhs.series[i]])) {
                out.add(lhs.metric[i], lhs.v[i]);
            }
        }
    }

    private static void or(StepVector lhs, StepVector rhs, Object[][] h, StepVector out) {
        if (lhs.size == 0 || rhs.size == 0) {
            StepVector only = lhs.size == 0 ? rhs : lhs;
            for (int i = 0; i < only.size; i++) {
                out.add(only.metric[i], only.v[i]);
            }
            return;
        }
        Set<Object> left = new HashSet<>();
        for (int i = 0; i < lhs.size; i++) {
            left.add(h[0][lhs.series[i]]);
            out.add(lhs.metric[i], lhs.v[i]);
        }
        for (int i = 0; i < rhs.size; i++) {
            if (!left.contains(h[1][rhs.series[i]])) {
                out.add(rhs.metric[i], rhs.v[i]);
            }
        }
    }

    private static void unless(StepVector lhs, StepVector rhs, Object[][] h, StepVector out) {
        if (lhs.size == 0 || rhs.size == 0) {
            for (int i = 0; i < lhs.size; i++) {
                out.add(lhs.metric[i], lhs.v[i]);
            }
            return;
        }
        Set<Object> right = new HashSet<>();
        for (int i = 0; i < rhs.size; i++) {
            right.add(h[1][rhs.series[i]]);
        }
        for (int i = 0; i < lhs.size; i++) {
            if (!right.contains(h[0][lhs.series[i]])) {
                out.add(lhs.metric[i], lhs.v[i]);
            }
        }
    }
}
