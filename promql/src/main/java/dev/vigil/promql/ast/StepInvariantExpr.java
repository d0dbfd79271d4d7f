package dev.vigil.promql.ast;

/**
 * Made by the engine, never by the parser: an expression whose value is the same at every step of a
 * range query (it has {@code @} or is a literal), evaluated once. Printed as its inner expression.
 */
public record StepInvariantExpr(Expr expr) implements Expr {
    @Override
    public ValueType type() {
        return expr.type();
    }

    @Override
    public PositionRange position() {
        return expr.position();
    }
}
