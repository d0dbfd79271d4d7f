package dev.vigil.promql.value;

import dev.vigil.promql.ast.ValueType;
import java.util.List;

/** An instant vector: at most one sample per label set, all at the same time. */
public record Vector(List<Sample> samples) implements Value {
    @Override
    public ValueType type() {
        return ValueType.VECTOR;
    }
}
