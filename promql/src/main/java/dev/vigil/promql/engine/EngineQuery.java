package dev.vigil.promql.engine;

import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.ValueType;
import dev.vigil.promql.value.Matrix;
import dev.vigil.promql.value.Sample;
import dev.vigil.promql.value.Scalar;
import dev.vigil.promql.value.Series;
import dev.vigil.promql.value.StringValue;
import dev.vigil.promql.value.Vector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** One query: waits for a slot at the engine's gate, then evaluates within its deadline. */
final class EngineQuery implements Query {
    private final Engine engine;
    private final Queryable storage;
    private final Expr expr;
    private final long start;
    private final long end;
    private final long step;
    private volatile boolean canceled;

    EngineQuery(Engine engine, Queryable storage, Expr expr, long start, long end, long step) {
        this.engine = engine;
        this.storage = storage;
        this.expr = expr;
        this.start = start;
        this.end = end;
        this.step = step;
    }

    @Override
    public Expr statement() {
        return expr;
    }

    @Override
    public void cancel() {
        canceled = true;
    }

    boolean canceled() {
        return canceled;
    }

    @Override
    public Result exec() {
        EngineOptions options = engine.options();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(options.timeoutMillis());
        try {
            if (!engine.gate().tryAcquire(options.timeoutMillis(), TimeUnit.MILLISECONDS)) {
                throw QueryException.timeout("query queue");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw QueryException.canceled("query queue");
        }
        try {
            return evaluate(options, deadline);
        } finally {
            engine.gate().release();
        }
    }

    /**
     * Evaluates on the calling thread, or, when that is a virtual thread (every HTTP request in the
     * hub), on one of the engine's platform threads while the caller waits. A CPU-bound evaluation
     * never yields, so on a virtual thread it would hold one of the few carrier threads (one per
     * core) for its whole run, and a handful of heavy queries would starve every other virtual
     * thread, the hub's scrapes included; platform threads are time-sliced by the OS instead.
     */
    private Result evaluate(EngineOptions options, long deadline) {
        Callable<Result> work = () -> {
            try (QueryContext ctx = new QueryContext(storage, options, deadline, this::canceled)) {
                return run(ctx);
            } catch (StackOverflowError e) {
                throw QueryException.execution("query too deeply nested");
            }
        };
        if (!Thread.currentThread().isVirtual()) {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        Future<Result> running = engine.evaluators().submit(work);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return running.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    canceled = true; // the evaluation sees it at its next check and ends as canceled
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Result run(QueryContext ctx) {
        Expr prepared = Preprocess.run(expr, start, end);
        prepared = Preprocess.setOffsetForAtModifier(start, prepared);
        boolean instant = step == 0;
        if (expr.type() == ValueType.STRING) {
            return new Result(new StringValue(start, VectorFunctions.stringArg(prepared)), ctx.warnings);
        }
        Evaluator ev = new Evaluator(ctx, start, instant ? start : end, instant ? 1 : step);
        List<EvalSeries> mat = ev.eval(prepared);
        if (!instant) {
            List<Series> series = new ArrayList<>(mat.size());
            for (EvalSeries s : mat) {
                series.add(s.toSeries());
            }
            series.sort(Comparator.comparing(Series::metric));
            return new Result(new Matrix(series), ctx.warnings);
        }
        return switch (expr.type()) {
            case VECTOR -> {
                List<Sample> samples = new ArrayList<>(mat.size());
                for (EvalSeries s : mat) {
                    samples.add(new Sample(s.metric, start, s.v[0]));
                }
                yield new Result(new Vector(samples), ctx.warnings);
            }
            case SCALAR -> new Result(new Scalar(start, mat.isEmpty() ? Double.NaN : mat.get(0).v[0]), ctx.warnings);
            case MATRIX -> {
                List<Series> series = new ArrayList<>(mat.size());
                for (EvalSeries s : mat) {
                    series.add(s.toSeries());
                }
                yield new Result(new Matrix(series), ctx.warnings);
            }
            default -> throw new IllegalStateException("unexpected result type " + expr.type());
        };
    }
}
