package dev.vigil.promql.engine;

/**
 * The engine's settings, Prometheus' defaults: 2 m timeout, 50,000,000 samples, 20 concurrent
 * queries, 5 m lookback, 1 m default subquery step.
 *
 * @param timeoutMillis a query's whole time budget, queueing included
 * @param maxSamples the most samples one query may hold in memory at once
 * @param maxConcurrent queries running at once; more wait in line (within their timeout)
 * @param lookbackDeltaMillis how far back an instant selector looks for a sample
 * @param subqueryStepMillis the step of a subquery that names none (the evaluation interval)
 */
public record EngineOptions(long timeoutMillis, long maxSamples, int maxConcurrent, long lookbackDeltaMillis,
        long subqueryStepMillis) {
    public static final EngineOptions DEFAULTS = new EngineOptions(120_000, 50_000_000, 20, 300_000, 60_000);

    public EngineOptions withTimeout(long millis) {
        return new EngineOptions(millis, maxSamples, maxConcurrent, lookbackDeltaMillis, subqueryStepMillis);
    }

    public EngineOptions withMaxSamples(long n) {
        return new EngineOptions(timeoutMillis, n, maxConcurrent, lookbackDeltaMillis, subqueryStepMillis);
    }

    public EngineOptions withMaxConcurrent(int n) {
        return new EngineOptions(timeoutMillis, maxSamples, n, lookbackDeltaMillis, subqueryStepMillis);
    }

    public EngineOptions withLookbackDelta(long millis) {
        return new EngineOptions(timeoutMillis, maxSamples, maxConcurrent, millis, subqueryStepMillis);
    }

    public EngineOptions withSubqueryStep(long millis) {
        return new EngineOptions(timeoutMillis, maxSamples, maxConcurrent, lookbackDeltaMillis, millis);
    }
}
