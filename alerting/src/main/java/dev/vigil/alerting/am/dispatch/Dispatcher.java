package dev.vigil.alerting.am.dispatch;

import dev.vigil.alerting.am.alert.AlertStore;
import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.am.clock.Scheduler;
import dev.vigil.alerting.am.route.Route;
import dev.vigil.model.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Alertmanager's dispatcher: every alert from the store goes to each route of the tree it matches,
 * into the aggregation group of that route and its group labels, created on first use. Empty
 * groups are dropped every {@link #CLEANUP_INTERVAL}. A config reload replaces the dispatcher
 * (Alertmanager does the same); the notification log keeps the new groups from repeating.
 */
public final class Dispatcher implements AutoCloseable {
    static final Duration CLEANUP_INTERVAL = Duration.ofSeconds(30);

    private final Route root;
    private final Scheduler scheduler;
    private final NotifyFunction notify;
    private final Map<Route, Map<Labels, AggregationGroup>> groups = new IdentityHashMap<>();
    private Runnable unsubscribe;
    private Scheduler.Timer cleanup;
    private boolean closed;

    public Dispatcher(Route root, Scheduler scheduler, NotifyFunction notify) {
        this.root = root;
        this.scheduler = scheduler;
        this.notify = notify;
    }

    /** Takes every alert of {@code store}, now and later. */
    public void start(AlertStore store) {
        synchronized (this) {
            cleanup = scheduler.schedule(CLEANUP_INTERVAL, this::cleanup);
        }
        unsubscribe = store.subscribe(this::process);
    }

    /** Routes one alert into its groups. */
    public void process(AmAlert alert) {
        for (Route r : root.match(alert.labels())) {
            Labels groupLabels = r.groupLabels(alert.labels());
            AggregationGroup g;
            synchronized (this) {
                if (closed) {
                    return;
                }
                g = groups.computeIfAbsent(r, k -> new HashMap<>())
                        .computeIfAbsent(groupLabels, k -> new AggregationGroup(r, k, scheduler, notify));
            }
            g.insert(alert);
        }
    }

    private void cleanup() {
        synchronized (this) {
            if (closed) {
                return;
            }
            for (Map<Labels, AggregationGroup> byLabels : groups.values()) {
                byLabels.values().removeIf(g -> {
                    if (g.isEmpty()) {
                        g.stop();
                        return true;
                    }
                    return false;
                });
            }
            cleanup = scheduler.schedule(CLEANUP_INTERVAL, this::cleanup);
        }
    }

    /**
     * {@code Dispatcher.Groups}: the groups of the routes {@code routeFilter} accepts with their
     * alerts that {@code alertFilter} accepts (groups left empty are omitted), sorted by labels then
     * receiver, alerts in Alertmanager's order; and per alert fingerprint, the receivers of the
     * groups that hold it, sorted.
     */
    public Groups groups(Predicate<Route> routeFilter, BiPredicate<AmAlert, Instant> alertFilter) {
        List<AggregationGroup> all = new ArrayList<>();
        synchronized (this) {
            for (Map.Entry<Route, Map<Labels, AggregationGroup>> e : groups.entrySet()) {
                if (routeFilter.test(e.getKey())) {
                    all.addAll(e.getValue().values());
                }
            }
        }
        Instant now = scheduler.now();
        List<AlertGroup> out = new ArrayList<>();
        Map<Long, List<String>> receivers = new TreeMap<>();
        for (AggregationGroup g : all) {
            List<AmAlert> kept = new ArrayList<>();
            for (AmAlert a : g.alerts()) {
                if (alertFilter.test(a, now)) {
                    kept.add(a);
                    receivers.computeIfAbsent(a.fingerprint(), k -> new ArrayList<>()).add(g.receiver());
                }
            }
            if (!kept.isEmpty()) {
                kept.sort(AlertOrder.ALERTS);
                out.add(new AlertGroup(g.labels(), g.receiver(), g.groupKey(), kept));
            }
        }
        out.sort((a, b) -> a.labels().equals(b.labels()) ? a.receiver().compareTo(b.receiver())
                : AlertOrder.compareLabelSets(a.labels(), b.labels()));
        receivers.values().forEach(l -> l.sort(null));
        return new Groups(out, receivers);
    }

    /** The result of {@link #groups}. */
    public record Groups(List<AlertGroup> groups, Map<Long, List<String>> receivers) {
    }

    /** How many aggregation groups exist. */
    public synchronized int size() {
        return groups.values().stream().mapToInt(Map::size).sum();
    }

    @Override
    public void close() {
        stopGroups();
    }

    /**
     * Stops as {@link #close} does, then gives the flushes under way up to {@code grace} to finish,
     * so a notification being sent at shutdown is recorded in the notification log (and not sent
     * again after a restart). True when all finished in time.
     */
    public boolean close(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        for (AggregationGroup g : stopGroups()) {
            if (!g.awaitIdle(deadline)) {
                return false;
            }
        }
        return true;
    }

    private List<AggregationGroup> stopGroups() {
        if (unsubscribe != null) {
            unsubscribe.run();
        }
        synchronized (this) {
            closed = true;
            if (cleanup != null) {
                cleanup.cancel();
            }
            List<AggregationGroup> stopped = new ArrayList<>();
            groups.values().forEach(m -> stopped.addAll(m.values()));
            stopped.forEach(AggregationGroup::stop);
            groups.clear();
            return stopped;
        }
    }
}
