package dev.vigil.promql.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.model.Labels;
import dev.vigil.promql.value.Vector;
import dev.vigil.storage.Querier;
import dev.vigil.storage.SampleIterator;
import dev.vigil.storage.Series;
import dev.vigil.storage.index.Matcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each guard rail fails only its own query, with Prometheus' error type and message. */
class QueryLimitsTest {
    /** One series with a sample every second from 0 to {@code seconds}. */
    private static Queryable counter(int seconds, CountDownLatch entered, CountDownLatch release) {
        return (mint, maxt) -> new Querier() {
            @Override
            public List<Series> select(List<Matcher> matchers) {
                if (entered != null) {
                    entered.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                List<Series> out = new ArrayList<>();
                out.add(new Series() {
                    @Override
                    public Labels labels() {
                        return Labels.of("__name__", "x");
                    }

                    @Override
                    public SampleIterator iterator() {
                        return new SampleIterator() {
                            long t = -1000;

                            @Override
                            public boolean next() {
                                t += 1000;
                                return t <= Math.min(maxt, seconds * 1000L);
                            }

                            @Override
                            public boolean seek(long time) {
                                while (t < time) {
                                    if (!next()) {
                                        return false;
                                    }
                                }
                                return true;
                            }

                            @Override
                            public long timestamp() {
                                return t;
                            }

                            @Override
                            public double value() {
                                return t / 1000.0;
                            }
                        };
                    }
                });
                return out;
            }

            @Override
            public List<String> labelNames(List<Matcher> matchers) {
                return List.of("__name__");
            }

            @Override
            public List<String> labelValues(String name, List<Matcher> matchers) {
                return List.of("x");
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void timeoutFailsTheQueryAsPrometheusSaysIt() throws Exception {
        Engine engine = new Engine(EngineOptions.DEFAULTS.withTimeout(50));
        // A subquery of a subquery over a long range: far more than 50 ms of work.
        QueryException e = assertThrows(QueryException.class, () -> engine.instantQuery(counter(100_000, null, null),
                "max_over_time(sum_over_time(rate(x[1m])[1d:1s])[1d:1s])", 100_000_000).exec());
        assertEquals(ErrorType.TIMEOUT, e.errorType());
        assertEquals("query timed out in expression evaluation", e.getMessage());
        // The engine still answers the next query.
        Vector v = (Vector) engine.instantQuery(counter(10, null, null), "x", 10_000).exec().value();
        assertEquals(10.0, v.samples().get(0).v());
    }

    @Test
    void concurrencyLimitQueuesAndTimesOutInTheQueue() throws Exception {
        Engine engine = new Engine(EngineOptions.DEFAULTS.withMaxConcurrent(1).withTimeout(300));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> {
            try {
                return engine.instantQuery(counter(10, entered, release), "x", 10_000).exec();
            } catch (Exception ex) {
                return ex;
            }
        });
        entered.await(5, TimeUnit.SECONDS);
        QueryException e = assertThrows(QueryException.class,
                () -> engine.instantQuery(counter(10, null, null), "x", 10_000).exec());
        assertEquals(ErrorType.TIMEOUT, e.errorType());
        assertEquals("query timed out in query queue", e.getMessage());
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        // With the slot free again, queries run.
        Vector v = (Vector) engine.instantQuery(counter(10, null, null), "x", 10_000).exec().value();
        assertEquals(1, v.samples().size());
    }

    @Test
    void cancelStopsARunningQuery() throws Exception {
        Engine engine = new Engine(EngineOptions.DEFAULTS);
        Query q = engine.instantQuery(counter(100_000, null, null),
                "max_over_time(sum_over_time(rate(x[1m])[1d:1s])[1d:1s])", 100_000_000);
        CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            q.cancel();
        });
        QueryException e = assertThrows(QueryException.class, q::exec);
        assertEquals(ErrorType.CANCELED, e.errorType());
        assertEquals("query was canceled in expression evaluation", e.getMessage());
    }
}
