package dev.vigil.promql.ast;

/** What an {@code @} modifier names: a fixed time, or the query's {@code start()} or {@code end()}. */
public enum AtModifier {
    /** No {@code @}, or {@code @ <timestamp>} (the timestamp is then set on the node). */
    NONE,
    START,
    END
}
