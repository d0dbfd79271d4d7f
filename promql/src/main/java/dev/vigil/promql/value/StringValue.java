package dev.vigil.promql.value;

import dev.vigil.promql.ast.ValueType;

/** A string at time {@code t} (ms): what a string literal query returns. */
public record StringValue(long t, String v) implements Value {
    @Override
    public ValueType type() {
        return ValueType.STRING;
    }
}
