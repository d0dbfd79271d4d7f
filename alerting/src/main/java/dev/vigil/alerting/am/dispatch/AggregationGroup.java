package dev.vigil.alerting.am.dispatch;

import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.am.clock.Scheduler;
import dev.vigil.alerting.am.labels.LabelSets;
import dev.vigil.alerting.am.notify.NotifyContext;
import dev.vigil.alerting.am.route.Route;
import dev.vigil.alerting.am.route.RouteOpts;
import dev.vigil.model.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Alertmanager's {@code aggrGroup}: the alerts of one route with the same group labels. The first
 * flush comes {@code group_wait} after the group is created, or at once when an alert that started
 * more than {@code group_wait} ago arrives before it; later flushes every {@code group_interval}.
 * A flush sends the group's alerts (firing ones with no end) and, when that went through, forgets
 * the resolved ones not updated meanwhile. Flushes of one group never overlap.
 */
public final class AggregationGroup {
    /** Alertmanager's floor for a flush's notification deadline. */
    static final Duration MIN_TIMEOUT = Duration.ofSeconds(10);

    private final Route route;
    private final Labels labels;
    private final String groupKey;
    private final Scheduler scheduler;
    private final NotifyFunction notify;
    private final Map<Long, AmAlert> alerts = new HashMap<>();
    private final ReentrantLock flushing = new ReentrantLock();
    private Scheduler.Timer next;
    private boolean hasFlushed;
    private boolean stopped;

    AggregationGroup(Route route, Labels labels, Scheduler scheduler, NotifyFunction notify) {
        this.route = route;
        this.labels = labels;
        this.groupKey = route.key() + ":" + LabelSets.toGoString(labels);
        this.scheduler = scheduler;
        this.notify = notify;
        synchronized (this) {
            next = scheduler.schedule(route.opts().groupWait(), this::tick);
        }
    }

    public Route route() {
        return route;
    }

    public Labels labels() {
        return labels;
    }

    /** {@code routeKey:{group labels}}. */
    public String groupKey() {
        return groupKey;
    }

    public String receiver() {
        return route.opts().receiver();
    }

    synchronized void insert(AmAlert a) {
        alerts.put(a.fingerprint(), a);
        // An alert that has waited long enough already makes a new group flush now.
        if (!hasFlushed && !stopped && a.startsAt().plus(route.opts().groupWait()).isBefore(scheduler.now())) {
            next.cancel();
            next = scheduler.schedule(Duration.ZERO, this::tick);
        }
    }

    public synchronized List<AmAlert> alerts() {
        return new ArrayList<>(alerts.values());
    }

    synchronized boolean isEmpty() {
        return alerts.isEmpty();
    }

    synchronized void stop() {
        stopped = true;
        next.cancel();
    }

    /** Waits for a flush under way to finish, until {@code deadlineNanos} at most; true when none runs. */
    boolean awaitIdle(long deadlineNanos) throws InterruptedException {
        if (flushing.tryLock(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            flushing.unlock();
            return true;
        }
        return false;
    }

    private void tick() {
        Instant now;
        RouteOpts opts = route.opts();
        synchronized (this) {
            if (stopped) {
                return;
            }
            now = scheduler.now();
            next = scheduler.schedule(opts.groupInterval(), this::tick);
            hasFlushed = true;
        }
        Duration timeout = opts.groupInterval().compareTo(MIN_TIMEOUT) < 0 ? MIN_TIMEOUT : opts.groupInterval();
        NotifyContext ctx = new NotifyContext(groupKey, labels, opts.receiver(), opts.repeatInterval(),
                opts.muteTimeIntervals(), opts.activeTimeIntervals(), now, now.plus(timeout));
        flushing.lock();
        try {
            flush(ctx);
        } finally {
            flushing.unlock();
        }
    }

    private void flush(NotifyContext ctx) {
        List<AmAlert> batch = new ArrayList<>();
        Instant now = scheduler.now();
        synchronized (this) {
            if (alerts.isEmpty()) {
                return;
            }
            for (AmAlert a : alerts.values()) {
                // A firing alert is sent without its (resolve timeout) end, so it does not resolve in transit.
                batch.add(a.resolvedAt(now) ? a : a.withEndsAt(AmAlert.ZERO));
            }
        }
        batch.sort(AlertOrder.ALERTS);
        if (!notify.notify(ctx, batch)) {
            return;
        }
        synchronized (this) {
            for (AmAlert a : batch) {
                AmAlert current = alerts.get(a.fingerprint());
                if (current != null && a.resolvedAt(now) && current.updatedAt().equals(a.updatedAt())) {
                    alerts.remove(a.fingerprint());
                }
            }
        }
    }

    @Override
    public String toString() {
        return groupKey;
    }
}
