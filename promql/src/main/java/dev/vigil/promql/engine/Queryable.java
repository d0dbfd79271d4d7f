package dev.vigil.promql.engine;

import dev.vigil.storage.Querier;

/** Where the engine reads series from: a querier over {@code [mint, maxt]} (ms, inclusive). */
@FunctionalInterface
public interface Queryable {
    Querier querier(long mint, long maxt);
}
