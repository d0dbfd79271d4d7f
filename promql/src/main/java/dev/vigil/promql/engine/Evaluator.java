package dev.vigil.promql.engine;

import dev.vigil.promql.ast.Expr;
import java.util.function.BooleanSupplier;

/** Evaluates one query's tree. */
final class Evaluator {
    Evaluator(Queryable storage, EngineOptions options, long start, long end, long step, long deadlineNanos,
            BooleanSupplier canceled) {
    }

    Result run(Expr expr) {
        throw new UnsupportedOperationException("engine: not yet written");
    }
}
