package dev.vigil.promql.ast;

/**
 * {@code expr[range:step] offset d @ t}; times in milliseconds, {@code step} 0 when the query left
 * it out (the engine then uses the evaluation interval). Offsets and {@code @} as on
 * {@link VectorSelector}.
 */
public record SubqueryExpr(Expr expr, long range, long step, long originalOffset, long offset, Long timestamp,
        AtModifier startOrEnd, int endPos) implements Expr {
    @Override
    public ValueType type() {
        return ValueType.MATRIX;
    }

    @Override
    public PositionRange position() {
        return new PositionRange(expr.position().start(), endPos);
    }

    public SubqueryExpr withExpr(Expr e) {
        return new SubqueryExpr(e, range, step, originalOffset, offset, timestamp, startOrEnd, endPos);
    }

    public SubqueryExpr withOffset(long originalOffset, long offset) {
        return new SubqueryExpr(expr, range, step, originalOffset, offset, timestamp, startOrEnd, endPos);
    }

    public SubqueryExpr withAt(Long timestamp, AtModifier startOrEnd) {
        return new SubqueryExpr(expr, range, step, originalOffset, offset, timestamp, startOrEnd, endPos);
    }
}
