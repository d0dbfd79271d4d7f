package dev.vigil.promql.ast;

/** A quoted string, already unquoted. */
public record StringLiteral(String value, PositionRange position) implements Expr {
    @Override
    public ValueType type() {
        return ValueType.STRING;
    }
}
