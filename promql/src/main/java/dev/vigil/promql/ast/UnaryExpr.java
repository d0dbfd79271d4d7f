package dev.vigil.promql.ast;

/** {@code -expr} or {@code +expr}; {@code op} is {@link BinaryOp#SUB} or {@link BinaryOp#ADD}. */
public record UnaryExpr(BinaryOp op, Expr expr, int startPos) implements Expr {
    @Override
    public ValueType type() {
        return expr.type();
    }

    @Override
    public PositionRange position() {
        return new PositionRange(startPos, expr.position().end());
    }

    public UnaryExpr withExpr(Expr e) {
        return new UnaryExpr(op, e, startPos);
    }
}
