package dev.vigil.promql.ast;

/**
 * {@code lhs op [bool] [on|ignoring (labels) [group_left|group_right (labels)]] rhs}.
 * {@code matching} is null when either side is a scalar (Prometheus leaves it nil then).
 */
public record BinaryExpr(BinaryOp op, Expr lhs, Expr rhs, VectorMatching matching, boolean returnBool)
        implements Expr {
    @Override
    public ValueType type() {
        return lhs.type() == ValueType.SCALAR && rhs.type() == ValueType.SCALAR ? ValueType.SCALAR
                : ValueType.VECTOR;
    }

    @Override
    public PositionRange position() {
        return new PositionRange(lhs.position().start(), rhs.position().end());
    }

    public BinaryExpr withSides(Expr newLhs, Expr newRhs) {
        return new BinaryExpr(op, newLhs, newRhs, matching, returnBool);
    }
}
