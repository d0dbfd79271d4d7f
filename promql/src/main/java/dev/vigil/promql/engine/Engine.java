package dev.vigil.promql.engine;

import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.ValueType;
import dev.vigil.promql.parser.ParseException;
import dev.vigil.promql.parser.Parser;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/** Makes instant and range queries; holds the settings and the concurrency gate they share. */
public final class Engine {
    private final EngineOptions options;
    private final Semaphore gate;
    /**
     * Platform threads that evaluate queries coming from virtual threads (see {@code EngineQuery});
     * at most {@code maxConcurrent} work at once (the gate), idle ones end after a minute.
     */
    private final ExecutorService evaluators = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("promql-eval-", 0).factory());

    public Engine(EngineOptions options) {
        this.options = options;
        this.gate = new Semaphore(Math.max(1, options.maxConcurrent()), true);
    }

    public EngineOptions options() {
        return options;
    }

    /** An instant query at {@code time} (ms). */
    public Query instantQuery(Queryable storage, String query, long time) throws ParseException {
        return instantQuery(storage, Parser.parseExpr(query), time);
    }

    public Query instantQuery(Queryable storage, Expr expr, long time) {
        return new EngineQuery(this, storage, expr, time, time, 0);
    }

    /**
     * A range query from {@code start} to {@code end} (ms, inclusive) every {@code step} ms.
     *
     * @throws IllegalArgumentException when the expression is not a scalar or instant vector, in
     *     Prometheus' words ({@code invalid expression type "range vector" for range query, must be
     *     Scalar or instant Vector})
     */
    public Query rangeQuery(Queryable storage, String query, long start, long end, long step) throws ParseException {
        return rangeQuery(storage, Parser.parseExpr(query), start, end, step);
    }

    public Query rangeQuery(Queryable storage, Expr expr, long start, long end, long step) {
        if (expr.type() != ValueType.VECTOR && expr.type() != ValueType.SCALAR) {
            throw new IllegalArgumentException("invalid expression type \"" + expr.type().documentedName()
                    + "\" for range query, must be Scalar or instant Vector");
        }
        if (step <= 0) {
            throw new IllegalArgumentException("zero or negative query resolution step widths are not accepted. "
                    + "Try a positive integer");
        }
        return new EngineQuery(this, storage, expr, start, end, step);
    }

    Semaphore gate() {
        return gate;
    }

    ExecutorService evaluators() {
        return evaluators;
    }
}
