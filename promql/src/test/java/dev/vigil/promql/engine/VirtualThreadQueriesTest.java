package dev.vigil.promql.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.parser.Parser;
import dev.vigil.storage.Querier;
import dev.vigil.storage.Series;
import dev.vigil.storage.index.Matcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Queries arrive on virtual threads in the hub (one per HTTP request), beside the scrapes, which
 * are virtual threads too. A CPU-bound evaluation never yields its carrier, so a few heavy queries
 * used to occupy every carrier (one per core) and stop the scrapes for as long as they ran
 * (ConcurrentQueriesIT in bench/ found scrapes missed for up to 22 s). The engine now evaluates
 * such queries on platform threads, which the OS time-slices.
 */
class VirtualThreadQueriesTest {
    /** A storage whose select spins the CPU for {@code spinMillis} and records the thread it ran on. */
    private static Queryable spinning(long spinMillis, AtomicBoolean ranOnVirtual) {
        return (mint, maxt) -> new Querier() {
            @Override
            public List<Series> select(List<Matcher> matchers) {
                ranOnVirtual.compareAndSet(false, Thread.currentThread().isVirtual());
                long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(spinMillis);
                long spins = 0;
                while (System.nanoTime() < end) {
                    spins++;
                }
                return spins < 0 ? null : List.of();
            }

            @Override
            public List<String> labelNames(List<Matcher> matchers) {
                return List.of();
            }

            @Override
            public List<String> labelValues(String name, List<Matcher> matchers) {
                return List.of();
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void heavyQueriesOnVirtualThreadsLeaveOtherVirtualThreadsRunning() throws Exception {
        int carriers = Runtime.getRuntime().availableProcessors();
        Engine engine = new Engine(EngineOptions.DEFAULTS.withMaxConcurrent(carriers + 1));
        AtomicBoolean onVirtual = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(carriers + 1);
        Expr x = Parser.parseExpr("x");
        List<Thread> queries = new ArrayList<>();
        for (int i = 0; i <= carriers; i++) {
            queries.add(Thread.ofVirtual().start(() -> {
                try {
                    engine.instantQuery(spinning(2_000, onVirtual), x, 0).exec();
                } finally {
                    done.countDown();
                }
            }));
        }
        Thread.sleep(200); // the queries are spinning
        long t0 = System.nanoTime();
        Thread probe = Thread.ofVirtual().start(() -> { });
        assertTrue(probe.join(java.time.Duration.ofSeconds(10)));
        long probeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(done.await(20, TimeUnit.SECONDS));
        assertTrue(probeMillis < 1_000, "a virtual thread (a scrape) ran while the queries spun: " + probeMillis + " ms");
        assertFalse(onVirtual.get(), "evaluated on a platform thread");
    }

    @Test
    void interruptingTheWaitingRequestCancelsTheEvaluation() throws Exception {
        Engine engine = new Engine(EngineOptions.DEFAULTS);
        Query q = engine.instantQuery(spinning(0, new AtomicBoolean()), "max_over_time(sum_over_time(vector(1)[1d:1s])[1d:1s])",
                100_000_000);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread request = Thread.ofVirtual().start(() -> {
            try {
                q.exec();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        Thread.sleep(100);
        request.interrupt();
        assertTrue(request.join(java.time.Duration.ofSeconds(10)), "the evaluation stopped");
        assertTrue(failure.get() != null, "the query failed");
        QueryException e = assertThrows(QueryException.class, () -> {
            throw failure.get();
        });
        assertEquals(ErrorType.CANCELED, e.errorType());
    }
}
