package dev.vigil.promql.ast;

/** {@code (expr)}, kept so the printer gives the query back as written. */
public record ParenExpr(Expr expr, PositionRange position) implements Expr {
    @Override
    public ValueType type() {
        return expr.type();
    }

    public ParenExpr withExpr(Expr e) {
        return new ParenExpr(e, position);
    }
}
