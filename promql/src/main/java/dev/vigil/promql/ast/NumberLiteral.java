package dev.vigil.promql.ast;

/** A number: {@code 1}, {@code 0x1f}, {@code 1e3}, {@code Inf}, {@code NaN}. */
public record NumberLiteral(double value, PositionRange position) implements Expr {
    @Override
    public ValueType type() {
        return ValueType.SCALAR;
    }
}
