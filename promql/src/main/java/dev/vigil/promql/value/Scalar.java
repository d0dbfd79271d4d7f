package dev.vigil.promql.value;

import dev.vigil.promql.ast.ValueType;

/** A number at time {@code t} (ms). */
public record Scalar(long t, double v) implements Value {
    @Override
    public ValueType type() {
        return ValueType.SCALAR;
    }
}
