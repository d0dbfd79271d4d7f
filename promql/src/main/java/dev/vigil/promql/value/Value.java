package dev.vigil.promql.value;

import dev.vigil.promql.ast.ValueType;

/** A query result or intermediate value. */
public sealed interface Value permits Vector, Matrix, Scalar, StringValue {
    ValueType type();
}
