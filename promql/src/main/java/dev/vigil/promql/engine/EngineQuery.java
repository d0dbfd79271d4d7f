package dev.vigil.promql.engine;

import dev.vigil.promql.ast.Expr;
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
                throw QueryException.timeout("queue");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw QueryException.canceled("queue");
        }
        try {
            Evaluator evaluator = new Evaluator(storage, options, start, end, step, deadline, this::canceled);
            return evaluator.run(expr);
        } finally {
            engine.gate().release();
        }
    }
}
