package dev.vigil.exporter;

import dev.vigil.exporter.log.Log;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Runs an exporter's enabled collectors for a scrape: all at once, each with a deadline, and
 * reports {@code <ns>_scrape_collector_duration_seconds} and {@code <ns>_scrape_collector_success}
 * for each (node_exporter's {@code execute}).
 *
 * <p>Collectors run on platform threads, not virtual ones: a collector stuck in a system call (a
 * dead NFS mount's statfs) would pin a virtual thread's carrier and could starve the HTTP server.
 * A collector that misses its deadline is reported failed and its samples are discarded; while it
 * is still stuck, later scrapes report it failed at once instead of starting it again.
 */
public final class CollectorRegistry implements AutoCloseable {
    private static final Log LOG = Log.get(CollectorRegistry.class);

    private final List<Collector> collectors;
    private final Set<String> known;
    private final Desc durationDesc;
    private final Desc successDesc;
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
    private static final int WORKERS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final ExecutorService executor;

    /** A registry whose only known collectors are the enabled ones. */
    public CollectorRegistry(String namespace, List<Collector> collectors) {
        this(namespace, collectors, Set.of());
    }

    /**
     * @param namespace the metric prefix, e.g. {@code node}
     * @param collectors the enabled collectors, with distinct names
     * @param known every collector name the exporter has, enabled or not (to tell "disabled" from
     *     "missing" in {@code collect[]} errors)
     */
    public CollectorRegistry(String namespace, List<Collector> collectors, Set<String> known) {
        this.collectors = List.copyOf(collectors);
        this.known = Set.copyOf(known);
        this.durationDesc = Desc.gauge(namespace + "_scrape_collector_duration_seconds",
                namespace + "_exporter: Duration of a collector scrape.", "collector");
        this.successDesc = Desc.gauge(namespace + "_scrape_collector_success",
                namespace + "_exporter: Whether a collector succeeded.", "collector");
        for (Collector collector : this.collectors) {
            if (running.put(collector.name(), new AtomicBoolean()) != null) {
                throw new IllegalArgumentException("collector " + collector.name() + " registered twice");
            }
        }
        // A few platform threads run a scrape's collectors: each thread costs stack and native
        // memory (about 7 MB for one per collector), and two cores gain nothing from more. A
        // collector stuck past its deadline keeps one; those still queued at the deadline are
        // reported failed like any late collector.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(null, runnable, "collector", 256 * 1024);
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
    }

    /** Whether the exporter has a collector of that name, enabled or not. */
    public boolean isKnown(String name) {
        return known.contains(name) || running.containsKey(name);
    }

    /** The names of the enabled collectors, in registration order. */
    public List<String> names() {
        return collectors.stream().map(Collector::name).toList();
    }

    /**
     * Runs the collectors {@code selected} accepts and sends their samples, followed by the
     * per-collector duration and success samples, to {@code out}.
     *
     * @param deadline how long each collector may take
     */
    public void scrape(Predicate<String> selected, Duration deadline, SnapshotSink out) {
        List<Run> runs = new ArrayList<>();
        for (Collector collector : collectors) {
            if (selected.test(collector.name())) {
                runs.add(start(collector));
            }
        }
        long deadlineNanos = System.nanoTime() + deadline.toNanos();
        for (Run run : runs) {
            finish(run, deadlineNanos, out);
        }
    }

    private Run start(Collector collector) {
        SnapshotSink sink = new SnapshotSink();
        long started = System.nanoTime();
        AtomicBoolean busy = running.get(collector.name());
        if (!busy.compareAndSet(false, true)) {
            return new Run(collector, sink, started, null);
        }
        Future<Long> future = executor.submit(() -> {
            try {
                collector.update(sink);
                return System.nanoTime();
            } finally {
                busy.set(false);
            }
        });
        return new Run(collector, sink, started, future);
    }

    private void finish(Run run, long deadlineNanos, SnapshotSink out) {
        String name = run.collector.name();
        double seconds;
        boolean success = false;
        if (run.future == null) {
            seconds = 0;
            LOG.error("collector failed", "name", name, "err", "previous run has not finished; still stuck");
        } else {
            try {
                long ended = run.future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
                seconds = (ended - run.started) / 1e9;
                success = true;
            } catch (TimeoutException e) {
                seconds = (System.nanoTime() - run.started) / 1e9;
                run.sink.close();
                LOG.error("collector failed", "name", name, "duration_seconds", seconds,
                        "err", "deadline exceeded; samples discarded");
            } catch (ExecutionException e) {
                seconds = (System.nanoTime() - run.started) / 1e9;
                Throwable cause = e.getCause();
                if (cause instanceof NoDataException) {
                    LOG.debug("collector returned no data", "name", name, "duration_seconds", seconds,
                            "err", cause.getMessage());
                } else {
                    LOG.error("collector failed", "name", name, "duration_seconds", seconds,
                            "err", String.valueOf(cause));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                seconds = (System.nanoTime() - run.started) / 1e9;
                run.sink.close();
            }
        }
        if (success) {
            run.sink.drainInto(out);
        }
        out.add(durationDesc, seconds, name);
        out.add(successDesc, success ? 1 : 0, name);
    }

    /** Stops the workers and closes the collectors that hold resources (a D-Bus connection, a thread pool). */
    @Override
    public void close() {
        executor.shutdownNow();
        for (Collector collector : collectors) {
            if (collector instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("closing collector failed", "name", collector.name(), "err", String.valueOf(e.getMessage()));
                }
            }
        }
    }

    private record Run(Collector collector, SnapshotSink sink, long started, Future<Long> future) {
    }
}
