package dev.vigil.promql.engine;

import dev.vigil.model.Labels;
import dev.vigil.promql.ast.AggregateExpr;
import dev.vigil.promql.ast.BinaryExpr;
import dev.vigil.promql.ast.BinaryOp;
import dev.vigil.promql.ast.Call;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.MatrixSelector;
import dev.vigil.promql.ast.NumberLiteral;
import dev.vigil.promql.ast.ParenExpr;
import dev.vigil.promql.ast.StepInvariantExpr;
import dev.vigil.promql.ast.StringLiteral;
import dev.vigil.promql.ast.SubqueryExpr;
import dev.vigil.promql.ast.UnaryExpr;
import dev.vigil.promql.ast.ValueType;
import dev.vigil.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates a tree over steps {@code start, start+interval, ... <= end}, as Prometheus' evaluator:
 * every non-string expression yields a matrix holding, per output series, a point for each step
 * where it has a value. An instant query is the one-step case.
 */
final class Evaluator {
    static final String DUPLICATE_LABELSET = "vector cannot contain metrics with the same labelset";

    final QueryContext ctx;
    final long start;
    final long end;
    final long interval;

    Evaluator(QueryContext ctx, long start, long end, long interval) {
        this.ctx = ctx;
        this.start = start;
        this.end = end;
        this.interval = interval;
    }

    int steps() {
        return (int) ((end - start) / interval + 1);
    }

    List<EvalSeries> eval(Expr expr) {
        ctx.check();
        return switch (expr) {
            case AggregateExpr a -> new Aggregation(this, a).eval();
            case BinaryExpr b -> BinaryOps.eval(this, b);
            case Call c -> Calls.eval(this, c);
            case MatrixSelector m -> new Selectors(this).matrix(m);
            case NumberLiteral n -> constant(n.value());
            case ParenExpr p -> eval(p.expr());
            case StepInvariantExpr s -> stepInvariant(s);
            case StringLiteral s -> throw new IllegalStateException("string literal evaluated as a matrix");
            case SubqueryExpr s -> subquery(s);
            case UnaryExpr u -> unary(u);
            case VectorSelector vs -> new Selectors(this).vector(vs);
        };
    }

    private List<EvalSeries> constant(double value) {
        return rangeEval(null, (args, helpers, ts, out) -> out.add(Labels.EMPTY, value), false);
    }

    private List<EvalSeries> unary(UnaryExpr u) {
        List<EvalSeries> mat = eval(u.expr());
        if (u.op() == BinaryOp.SUB) {
            for (EvalSeries s : mat) {
                s.metric = s.metric.withoutMetricName();
                for (int i = 0; i < s.n; i++) {
                    s.v[i] = -s.v[i];
                }
            }
            checkDistinct(mat);
        }
        return mat;
    }

    private List<EvalSeries> stepInvariant(StepInvariantExpr s) {
        Expr inner = s.expr();
        if (inner instanceof NumberLiteral || inner instanceof StringLiteral) {
            return eval(inner);
        }
        Evaluator once = new Evaluator(ctx, start, start, interval);
        List<EvalSeries> res = once.eval(inner);
        if (inner instanceof MatrixSelector || inner instanceof SubqueryExpr) {
            return res;
        }
        int steps = steps();
        if (steps > 1) {
            for (EvalSeries series : res) {
                double v = series.v[0];
                for (long ts = start + interval; ts <= end; ts += interval) {
                    series.add(ts, v);
                }
                ctx.addSamples(steps - 1);
            }
        }
        return res;
    }

    private List<EvalSeries> subquery(SubqueryExpr s) {
        long offset = s.offset();
        long range = s.range();
        long step = s.step() != 0 ? s.step() : ctx.options.subqueryStepMillis();
        long subStart = step * ((start - offset - range) / step);
        if (subStart < start - offset - range) {
            subStart += step;
        }
        Expr inner = s.expr();
        if (subStart != start) {
            inner = Preprocess.setOffsetForAtModifier(subStart, inner);
        }
        return new Evaluator(ctx, subStart, end - offset, step).eval(inner);
    }

    /** A step's computation: the argument vectors (null for strings), per-series helpers, output. */
    @FunctionalInterface
    interface StepCall {
        void call(StepVector[] args, Object[][] helpers, long ts, StepVector out);
    }

    /** Computes once per input series what a step call needs about it (a grouping key, a signature). */
    @FunctionalInterface
    interface SeriesPrep {
        Object prepare(Labels metric);
    }

    /**
     * Prometheus' {@code rangeEval}: evaluates the arguments, then calls {@code fn} at every step
     * with each argument's samples at that step and gathers the outputs into series.
     */
    List<EvalSeries> rangeEval(SeriesPrep prep, StepCall fn, boolean checkDuplicates, Expr... exprs) {
        int nargs = exprs.length;
        @SuppressWarnings("unchecked")
        List<EvalSeries>[] mats = new List[nargs];
        Object[][] helpers = new Object[nargs][];
        StepVector[] args = new StepVector[nargs];
        int[][] cursors = new int[nargs][];
        long held = 0;
        for (int i = 0; i < nargs; i++) {
            Expr e = exprs[i];
            if (e == null || e.type() == ValueType.STRING) {
                continue;
            }
            mats[i] = eval(e);
            args[i] = new StepVector();
            cursors[i] = new int[mats[i].size()];
            if (prep != null) {
                helpers[i] = new Object[mats[i].size()];
                for (int s = 0; s < mats[i].size(); s++) {
                    helpers[i][s] = prep.prepare(mats[i].get(s).metric);
                }
            }
            for (EvalSeries s : mats[i]) {
                held += s.n;
            }
        }
        StepVector out = new StepVector();
        boolean instant = start == end;
        Map<Labels, EvalSeries> series = instant ? null : new LinkedHashMap<>();
        int steps = steps();
        long produced = 0;
        for (long ts = start; ts <= end; ts += interval) {
            ctx.check();
            for (int i = 0; i < nargs; i++) {
                if (mats[i] == null) {
                    continue;
                }
                StepVector arg = args[i];
                arg.clear();
                List<EvalSeries> mat = mats[i];
                int[] cursor = cursors[i];
                for (int s = 0, n = mat.size(); s < n; s++) {
                    EvalSeries in = mat.get(s);
                    int c = cursor[s];
                    if (c < in.n && in.t[c] == ts) {
                        arg.add(in.metric, in.v[c], ts, s);
                        cursor[s] = c + 1;
                    }
                }
            }
            out.clear();
            fn.call(args, helpers, ts, out);
            if (checkDuplicates && out.size > 1) {
                checkDistinct(out);
            }
            if (ctx.currentSamples + held + produced + out.size > ctx.options.maxSamples()) {
                throw QueryException.tooManySamples("query execution");
            }
            if (instant) {
                List<EvalSeries> mat = new ArrayList<>(out.size);
                for (int i = 0; i < out.size; i++) {
                    EvalSeries s = new EvalSeries(out.metric[i], 1);
                    s.add(ts, out.v[i]);
                    mat.add(s);
                }
                ctx.addSamples(out.size);
                return mat;
            }
            for (int i = 0; i < out.size; i++) {
                EvalSeries s = series.get(out.metric[i]);
                if (s == null) {
                    s = new EvalSeries(out.metric[i], Math.min(steps, 64));
                    series.put(out.metric[i], s);
                }
                s.add(ts, out.v[i]);
            }
            produced += out.size;
        }
        ctx.addSamples(produced);
        return series == null ? new ArrayList<>() : new ArrayList<>(series.values());
    }

    static void checkDistinct(StepVector out) {
        if (out.size == 2) {
            if (out.metric[0].equals(out.metric[1])) {
                throw QueryException.execution(DUPLICATE_LABELSET);
            }
            return;
        }
        Set<Labels> seen = new HashSet<>(out.size * 2);
        for (int i = 0; i < out.size; i++) {
            if (!seen.add(out.metric[i])) {
                throw QueryException.execution(DUPLICATE_LABELSET);
            }
        }
    }

    static void checkDistinct(List<EvalSeries> mat) {
        if (mat.size() < 2) {
            return;
        }
        Map<Labels, Boolean> seen = new HashMap<>(mat.size() * 2);
        for (EvalSeries s : mat) {
            if (seen.put(s.metric, Boolean.TRUE) != null) {
                throw QueryException.execution(DUPLICATE_LABELSET);
            }
        }
    }
}
