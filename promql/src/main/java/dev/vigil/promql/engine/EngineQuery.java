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
        try (QueryContext ctx = new QueryContext(storage, options, deadline, this::canceled)) {
            return run(ctx);
        } catch (StackOverflowError e) {
            throw QueryException.execution("query too deeply nested");
        } finally {
            engine.gate().release();
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
