package dev.vigil.promql.ast;

import dev.vigil.storage.index.Matcher;
import java.util.List;

/**
 * {@code name{matchers} offset d @ t}. {@code name} is empty when the query gave none; the matchers
 * then carry everything (the parser adds {@code __name__="name"} when a name was given, as
 * Prometheus does). {@code originalOffset} is what the query says; {@code offset} is what the
 * engine uses after resolving {@code @}. {@code timestamp} is the {@code @} time in milliseconds, or
 * null.
 */
public record VectorSelector(String name, List<Matcher> matchers, long originalOffset, long offset, Long timestamp,
        AtModifier startOrEnd, PositionRange position) implements Expr {
    public VectorSelector {
        matchers = List.copyOf(matchers);
    }

    @Override
    public ValueType type() {
        return ValueType.VECTOR;
    }

    public VectorSelector withOffset(long originalOffset, long offset) {
        return new VectorSelector(name, matchers, originalOffset, offset, timestamp, startOrEnd, position);
    }

    public VectorSelector withAt(Long timestamp, AtModifier startOrEnd) {
        return new VectorSelector(name, matchers, originalOffset, offset, timestamp, startOrEnd, position);
    }

    public VectorSelector withPosition(PositionRange position) {
        return new VectorSelector(name, matchers, originalOffset, offset, timestamp, startOrEnd, position);
    }
}
