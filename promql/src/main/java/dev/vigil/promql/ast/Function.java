package dev.vigil.promql.ast;

import java.util.List;

/**
 * A function's signature as the parser checks it. {@code variadic}: 0 takes exactly
 * {@code argTypes}; n > 0 lets the last n of them be left out; -1 repeats the last one without
 * limit (Prometheus' convention).
 */
public record Function(String name, List<ValueType> argTypes, int variadic, ValueType returnType) {
    public Function {
        argTypes = List.copyOf(argTypes);
    }
}
