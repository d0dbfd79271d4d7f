package dev.vigil.promql.engine;

import dev.vigil.model.Labels;
import dev.vigil.model.StaleMarker;
import dev.vigil.promql.ast.Call;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.MatrixSelector;
import dev.vigil.promql.ast.ParenExpr;
import dev.vigil.promql.ast.StepInvariantExpr;
import dev.vigil.promql.ast.SubqueryExpr;
import dev.vigil.promql.ast.VectorSelector;
import dev.vigil.storage.Series;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Function calls, as Prometheus' evaluator runs them: {@code timestamp(selector)} reads sample
 * times; a call with a range-vector argument (a range selector or a subquery) runs one series at a
 * time over sliding windows; every other call runs step by step over instant vectors.
 */
final class Calls {
    private Calls() {
    }

    static Expr unwrap(Expr e) {
        Expr x = e;
        while (true) {
            if (x instanceof ParenExpr p) {
                x = p.expr();
            } else if (x instanceof StepInvariantExpr s) {
                x = s.expr();
            } else {
                return x;
            }
        }
    }

    static List<EvalSeries> eval(Evaluator ev, Call call) {
        String name = call.function().name();
        List<Expr> args = call.args();
        if (name.equals("timestamp") && unwrap(args.get(0)) instanceof VectorSelector vs) {
            return new Selectors(ev).timestamps(vs);
        }
        int matrixArg = -1;
        for (int i = 0; i < args.size(); i++) {
            Expr a = unwrap(args.get(i));
            if (a instanceof MatrixSelector || a instanceof SubqueryExpr) {
                matrixArg = i;
                break;
            }
        }
        if (matrixArg < 0) {
            Evaluator.StepCall fn = VectorFunctions.of(call);
            Evaluator.SeriesPrep prep = fn instanceof Evaluator.SeriesPrep p ? p : null;
            List<Expr> exprs = new ArrayList<>();
            for (Expr a : args) {
                exprs.add(unwrapParens(a));
            }
            return ev.rangeEval(prep, fn, true, exprs.toArray(Expr[]::new));
        }
        return rangeCall(ev, call, matrixArg);
    }

    private static Expr unwrapParens(Expr e) {
        Expr x = e;
        while (x instanceof ParenExpr p) {
            x = p.expr();
        }
        return x;
    }

    private static List<EvalSeries> rangeCall(Evaluator ev, Call call, int matrixArg) {
        String name = call.function().name();
        RangeFunctions.RangeFunction fn = RangeFunctions.of(name);
        if (fn == null) {
            throw QueryException.execution("function \"" + name + "\" does not take a range vector");
        }
        List<Expr> args = call.args();
        List<EvalSeries>[] scalarArgs = scalarArgs(ev, args, matrixArg);
        Expr arg = unwrap(args.get(matrixArg));
        long range;
        long offset;
        List<EvalSeries> inputs = new ArrayList<>();
        if (arg instanceof SubqueryExpr sq) {
            range = sq.range();
            offset = sq.offset();
            inputs = ev.eval(sq);
        } else {
            MatrixSelector ms = (MatrixSelector) arg;
            VectorSelector vs = ms.vectorSelector();
            range = ms.range();
            offset = vs.offset();
            long mint = ev.start - offset - range;
            long maxt = ev.end - offset;
            for (Series s : ev.ctx.select(vs.matchers(), mint, maxt)) {
                ev.ctx.check();
                inputs.add(Selectors.load(s, mint, maxt, true));
            }
        }
        boolean keepName = name.equals("last_over_time");
        int steps = ev.steps();
        double[] scalars = new double[args.size()];
        Window w = new Window();
        w.range = range;
        w.offset = offset;
        List<EvalSeries> mat = new ArrayList<>(inputs.size());
        long max = ev.ctx.options.maxSamples();
        for (EvalSeries in : inputs) {
            ev.ctx.check();
            dropStale(in);
            w.t = in.t;
            w.v = in.v;
            w.from = 0;
            w.to = 0;
            EvalSeries out = null;
            for (long ts = ev.start; ts <= ev.end; ts += ev.interval) {
                ev.ctx.check();
                long maxt = ts - offset;
                long mint = maxt - range;
                while (w.from < in.n && in.t[w.from] < mint) {
                    w.from++;
                }
                if (w.to < w.from) {
                    w.to = w.from;
                }
                while (w.to < in.n && in.t[w.to] <= maxt) {
                    w.to++;
                }
                if (w.to == w.from) {
                    continue;
                }
                if (ev.ctx.currentSamples + w.size() > max) {
                    throw QueryException.tooManySamples("query execution");
                }
                for (int j = 0; j < scalars.length; j++) {
                    if (scalarArgs[j] != null) {
                        scalars[j] = scalarAt(scalarArgs[j], ts);
                    }
                }
                w.ts = ts;
                if (fn.apply(w, scalars)) {
                    if (out == null) {
                        out = new EvalSeries(keepName ? in.metric : in.metric.withoutMetricName(),
                                Math.min(steps, 64));
                    }
                    out.add(ts, w.result);
                }
            }
            if (out != null) {
                ev.ctx.addSamples(out.n);
                mat.add(out);
            }
        }
        if (name.equals("absent_over_time")) {
            return absentOverTime(ev, mat, call.args().get(matrixArg));
        }
        Evaluator.checkDistinct(mat);
        return mat;
    }

    @SuppressWarnings("unchecked")
    private static List<EvalSeries>[] scalarArgs(Evaluator ev, List<Expr> args, int matrixArg) {
        List<EvalSeries>[] out = new List[args.size()];
        for (int i = 0; i < args.size(); i++) {
            if (i != matrixArg) {
                out[i] = ev.eval(args.get(i));
            }
        }
        return out;
    }

    private static double scalarAt(List<EvalSeries> scalar, long ts) {
        if (scalar.isEmpty()) {
            return Double.NaN;
        }
        EvalSeries s = scalar.get(0);
        int i = java.util.Arrays.binarySearch(s.t, 0, s.n, ts);
        return i >= 0 ? s.v[i] : Double.NaN;
    }

    /** Range functions never see stale markers. */
    private static void dropStale(EvalSeries s) {
        int w = 0;
        for (int r = 0; r < s.n; r++) {
            if (!StaleMarker.is(s.v[r])) {
                s.t[w] = s.t[r];
                s.v[w] = s.v[r];
                w++;
            }
        }
        s.n = w;
    }

    private static List<EvalSeries> absentOverTime(Evaluator ev, List<EvalSeries> mat, Expr arg) {
        int steps = ev.steps();
        for (EvalSeries s : mat) {
            if (s.n == steps) {
                return new ArrayList<>();
            }
        }
        Set<Long> found = new HashSet<>();
        for (EvalSeries s : mat) {
            for (int i = 0; i < s.n; i++) {
                found.add(s.t[i]);
            }
        }
        if (found.size() == steps) {
            return new ArrayList<>();
        }
        Expr a = arg;
        while (a instanceof ParenExpr p) {
            a = p.expr();
        }
        Labels labels = a instanceof SubqueryExpr ? Labels.EMPTY : VectorFunctions.absentLabels(a);
        EvalSeries result = new EvalSeries(labels, steps - found.size());
        for (long ts = ev.start; ts <= ev.end; ts += ev.interval) {
            if (!found.contains(ts)) {
                result.add(ts, 1);
            }
        }
        List<EvalSeries> out = new ArrayList<>();
        out.add(result);
        return out;
    }
}
