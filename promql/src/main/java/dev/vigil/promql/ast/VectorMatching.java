package dev.vigil.promql.ast;

import java.util.List;

/**
 * How two vectors' samples pair up: the cardinality, the labels of {@code on(...)} (when
 * {@code on}) or {@code ignoring(...)}, and the labels {@code group_left/right(...)} carries over.
 */
public record VectorMatching(Cardinality card, List<String> matchingLabels, boolean on, List<String> include) {
    public VectorMatching {
        matchingLabels = List.copyOf(matchingLabels);
        include = List.copyOf(include);
    }

    /** The four cardinalities; MANY_TO_MANY is what set operators use. */
    public enum Cardinality {
        ONE_TO_ONE, MANY_TO_ONE, ONE_TO_MANY, MANY_TO_MANY
    }
}
