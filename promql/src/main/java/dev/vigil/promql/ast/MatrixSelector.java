package dev.vigil.promql.ast;

/** {@code selector[range]}: the range in milliseconds; {@code endPos} is just past the {@code ]}. */
public record MatrixSelector(VectorSelector vectorSelector, long range, int endPos) implements Expr {
    @Override
    public ValueType type() {
        return ValueType.MATRIX;
    }

    @Override
    public PositionRange position() {
        return new PositionRange(vectorSelector.position().start(), endPos);
    }

    public MatrixSelector withVectorSelector(VectorSelector vs) {
        return new MatrixSelector(vs, range, endPos);
    }
}
