package dev.vigil.promql.engine;

import dev.vigil.promql.value.Value;
import java.util.List;

/**
 * A query's answer: a {@link dev.vigil.promql.value.Vector}, {@link dev.vigil.promql.value.Scalar}
 * or {@link dev.vigil.promql.value.StringValue} for an instant query, a
 * {@link dev.vigil.promql.value.Matrix} for a range query; and warnings for the API.
 */
public record Result(Value value, List<String> warnings) {
    public Result {
        warnings = List.copyOf(warnings);
    }
}
