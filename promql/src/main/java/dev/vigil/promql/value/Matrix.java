package dev.vigil.promql.value;

import dev.vigil.promql.ast.ValueType;
import java.util.List;

/** A range vector, or the result of a range query: series sorted by labels unless said otherwise. */
public record Matrix(List<Series> series) implements Value {
    @Override
    public ValueType type() {
        return ValueType.MATRIX;
    }
}
