package dev.vigil.promql.engine;

import dev.vigil.storage.Querier;
import dev.vigil.storage.Series;
import dev.vigil.storage.index.Matcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What every evaluator of one query shares: the storage, the limits, the deadline, the samples
 * held so far, and the queriers to close at the end.
 */
final class QueryContext implements AutoCloseable {
    final Queryable storage;
    final EngineOptions options;
    private final long deadlineNanos;
    private final BooleanSupplier canceled;
    private final List<Querier> queriers = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    /** Samples the query holds in memory now, as Prometheus counts them against max-samples. */
    long currentSamples;
    private int checks;

    QueryContext(Queryable storage, EngineOptions options, long deadlineNanos, BooleanSupplier canceled) {
        this.storage = storage;
        this.options = options;
        this.deadlineNanos = deadlineNanos;
        this.canceled = canceled;
    }

    /** Fails the query when it ran out of time or was canceled; cheap enough for inner loops. */
    void check() {
        if ((++checks & 63) != 0) {
            return;
        }
        checkNow();
    }

    void checkNow() {
        if (canceled.getAsBoolean()) {
            throw QueryException.canceled("expression evaluation");
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            throw QueryException.timeout("expression evaluation");
        }
    }

    /** Counts {@code n} more samples held; fails past the limit. */
    void addSamples(long n) {
        currentSamples += n;
        if (currentSamples > options.maxSamples()) {
            throw QueryException.tooManySamples("query execution");
        }
    }

    List<Series> select(List<Matcher> matchers, long mint, long maxt) {
        checkNow();
        Querier querier = storage.querier(mint, maxt);
        queriers.add(querier);
        return querier.select(matchers);
    }

    @Override
    public void close() {
        for (Querier q : queriers) {
            q.close();
        }
        queriers.clear();
    }
}
