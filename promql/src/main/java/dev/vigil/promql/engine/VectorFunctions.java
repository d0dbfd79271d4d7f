package dev.vigil.promql.engine;

import dev.vigil.model.Labels;
import dev.vigil.promql.ast.Call;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.MatrixSelector;
import dev.vigil.promql.ast.ParenExpr;
import dev.vigil.promql.ast.StepInvariantExpr;
import dev.vigil.promql.ast.StringLiteral;
import dev.vigil.promql.ast.VectorSelector;
import dev.vigil.storage.index.Matcher;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Functions over instant vectors and scalars, step by step: math, clamping, rounding, dates,
 * labels, sorting, {@code absent}, {@code scalar}/{@code vector}, {@code time}, and
 * {@code histogram_quantile}. Results drop the metric name where Prometheus drops it.
 */
final class VectorFunctions {
    private VectorFunctions() {
    }

    static Evaluator.StepCall of(Call call) {
        String name = call.function().name();
        List<Expr> argExprs = call.args();
        return switch (name) {
            case "abs" -> simple(Math::abs);
            case "ceil" -> simple(Math::ceil);
            case "floor" -> simple(Math::floor);
            case "exp" -> simple(Math::exp);
            case "sqrt" -> simple(Math::sqrt);
            case "ln" -> simple(Math::log);
            case "log2" -> simple(GoMath::log2);
            case "log10" -> simple(GoMath::log10);
            case "sin" -> simple(Math::sin);
            case "cos" -> simple(Math::cos);
            case "tan" -> simple(Math::tan);
            case "asin" -> simple(Math::asin);
            case "acos" -> simple(Math::acos);
            case "atan" -> simple(Math::atan);
            case "sinh" -> simple(Math::sinh);
            case "cosh" -> simple(Math::cosh);
            case "tanh" -> simple(Math::tanh);
            case "asinh" -> simple(GoMath::asinh);
            case "acosh" -> simple(GoMath::acosh);
            case "atanh" -> simple(GoMath::atanh);
            case "deg" -> simple(v -> v * 180 / Math.PI);
            case "rad" -> simple(v -> v * Math.PI / 180);
            case "sgn" -> simple(GoMath::sgn);
            case "histogram_count", "histogram_sum" -> (args, h, ts, out) -> { }; // native histograms only
            case "histogram_fraction" -> (args, h, ts, out) -> { };
            case "clamp" -> (args, h, ts, out) -> {
                double min = args[1].scalar();
                double max = args[2].scalar();
                if (max < min) {
                    return;
                }
                StepVector in = args[0];
                for (int i = 0; i < in.size; i++) {
                    out.add(in.metric[i].withoutMetricName(), GoMath.max(min, GoMath.min(max, in.v[i])));
                }
            };
            case "clamp_max" -> (args, h, ts, out) -> {
                double max = args[1].scalar();
                StepVector in = args[0];
                for (int i = 0; i < in.size; i++) {
                    out.add(in.metric[i].withoutMetricName(), GoMath.min(max, in.v[i]));
                }
            };
            case "clamp_min" -> (args, h, ts, out) -> {
                double min = args[1].scalar();
                StepVector in = args[0];
                for (int i = 0; i < in.size; i++) {
                    out.add(in.metric[i].withoutMetricName(), GoMath.max(min, in.v[i]));
                }
            };
            case "round" -> (args, h, ts, out) -> {
                double toNearest = args.length >= 2 ? args[1].scalar() : 1;
                double inverse = 1.0 / toNearest;
                StepVector in = args[0];
                for (int i = 0; i < in.size; i++) {
                    out.add(in.metric[i].withoutMetricName(), Math.floor(in.v[i] * inverse + 0.5) / inverse);
                }
            };
            case "scalar" -> (args, h, ts, out) -> out.add(Labels.EMPTY, args[0].size == 1 ? args[0].v[0] : Double.NaN);
            case "vector" -> (args, h, ts, out) -> out.add(Labels.EMPTY, args[0].scalar());
            case "time" -> (args, h, ts, out) -> out.add(Labels.EMPTY, ts / 1000.0);
            case "pi" -> (args, h, ts, out) -> out.add(Labels.EMPTY, Math.PI);
            case "timestamp" -> (args, h, ts, out) -> {
                StepVector in = args[0];
                for (int i = 0; i < in.size; i++) {
                    out.add(in.metric[i].withoutMetricName(), in.t[i] / 1000.0);
                }
            };
            case "sort" -> (args, h, ts, out) -> GoSort.sortByValue(args[0], out, true);
            case "sort_desc" -> (args, h, ts, out) -> GoSort.sortByValue(args[0], out, false);
            case "absent" -> {
                Labels absentLabels = absentLabels(argExprs.get(0));
                yield (args, h, ts, out) -> {
                    if (args[0].size == 0) {
                        out.add(absentLabels, 1);
                    }
                };
            }
            case "days_in_month" -> date(GoTime::daysInMonth);
            case "day_of_month" -> date(GoTime::dayOfMonth);
            case "day_of_week" -> date(GoTime::dayOfWeek);
            case "day_of_year" -> date(GoTime::dayOfYear);
            case "hour" -> date(GoTime::hour);
            case "minute" -> date(GoTime::minute);
            case "month" -> date(GoTime::month);
            case "year" -> date(GoTime::year);
            case "label_replace" -> LabelFunctions.labelReplace(stringArg(argExprs.get(1)), stringArg(argExprs.get(2)),
                    stringArg(argExprs.get(3)), stringArg(argExprs.get(4)));
            case "label_join" -> {
                String[] sources = new String[argExprs.size() - 3];
                for (int i = 3; i < argExprs.size(); i++) {
                    sources[i - 3] = stringArg(argExprs.get(i));
                }
                yield LabelFunctions.labelJoin(stringArg(argExprs.get(1)), stringArg(argExprs.get(2)), sources);
            }
            case "histogram_quantile" -> new HistogramQuantile();
            default -> throw QueryException.execution("function \"" + name + "\" is not implemented for instant vectors");
        };
    }

    private static Evaluator.StepCall simple(DoubleUnaryOperator f) {
        return (args, h, ts, out) -> {
            StepVector in = args[0];
            for (int i = 0; i < in.size; i++) {
                out.add(in.metric[i].withoutMetricName(), f.applyAsDouble(in.v[i]));
            }
        };
    }

    /** Date parts in UTC of each value (unix seconds), or of the evaluation time without an argument. */
    private static Evaluator.StepCall date(GoTime.Part part) {
        return (args, h, ts, out) -> {
            if (args.length == 0) {
                out.add(Labels.EMPTY, part.of(Math.floorDiv(ts, 1000)));
                return;
            }
            StepVector in = args[0];
            for (int i = 0; i < in.size; i++) {
                out.add(in.metric[i].withoutMetricName(), part.of(GoMath.toInt64(in.v[i])));
            }
        };
    }

    /** The string a string-typed argument holds (it is a literal, perhaps in parentheses). */
    static String stringArg(Expr e) {
        Expr x = e;
        while (true) {
            if (x instanceof StepInvariantExpr s) {
                x = s.expr();
            } else if (x instanceof ParenExpr p) {
                x = p.expr();
            } else {
                break;
            }
        }
        if (x instanceof StringLiteral s) {
            return s.value();
        }
        throw QueryException.execution("expected a string literal, got " + e.print());
    }

    /**
     * The labels {@code absent(selector)} reports: the selector's equality matchers, except on a
     * name that other matchers also constrain.
     */
    static Labels absentLabels(Expr arg) {
        Expr x = arg;
        while (x instanceof ParenExpr p) {
            x = p.expr();
        }
        List<Matcher> matchers;
        if (x instanceof VectorSelector vs) {
            matchers = vs.matchers();
        } else if (x instanceof MatrixSelector ms) {
            matchers = ms.vectorSelector().matchers();
        } else {
            return Labels.EMPTY;
        }
        Labels.Builder b = Labels.builder();
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.Set<String> dropped = new java.util.HashSet<>();
        for (Matcher m : matchers) {
            if (m.name().equals(Labels.METRIC_NAME)) {
                continue;
            }
            if (m.type() == Matcher.Type.EQUAL && !seen.contains(m.name())) {
                b.set(m.name(), m.value());
                if (!m.value().isEmpty()) {
                    seen.add(m.name());
                }
            } else {
                dropped.add(m.name());
            }
        }
        for (String d : dropped) {
            b.remove(d);
        }
        return b.build();
    }
}
