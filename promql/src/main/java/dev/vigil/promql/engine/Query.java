package dev.vigil.promql.engine;

import dev.vigil.promql.ast.Expr;

/** A prepared query: run it once with {@link #exec()}; {@link #cancel()} stops it from another thread. */
public interface Query {
    /** The parsed expression. */
    Expr statement();

    /**
     * Runs the query.
     *
     * @throws QueryException when it times out, is canceled, loads too many samples or fails
     */
    Result exec();

    /** Asks a running query to stop; {@link #exec()} then throws a {@code canceled} error. */
    void cancel();
}
