package dev.vigil.alerting.am.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The alerts Alertmanager knows ({@code provider/mem}), by fingerprint. A received alert whose
 * activity overlaps the stored one is merged with it ({@link AmAlert#merge}); otherwise it replaces
 * it. Subscribers see every stored alert, in order, the current ones first. Resolved alerts are
 * dropped by {@link #gc}.
 */
public final class AlertStore {
    private final Map<Long, AmAlert> alerts = new HashMap<>();
    private final List<Consumer<AmAlert>> listeners = new CopyOnWriteArrayList<>();
    private long version;

    /** Stores the alerts (merging as Alertmanager does) and hands each to the subscribers. */
    public synchronized void put(Collection<AmAlert> in, Instant now) {
        version++;
        for (AmAlert a : in) {
            AmAlert old = alerts.get(a.fingerprint());
            if (old != null && overlaps(a, old)) {
                a = old.merge(a, now);
            }
            alerts.put(a.fingerprint(), a);
            for (Consumer<AmAlert> l : listeners) {
                l.accept(a);
            }
        }
    }

    private static boolean overlaps(AmAlert a, AmAlert old) {
        return (a.endsAt().isAfter(old.startsAt()) && a.endsAt().isBefore(old.endsAt()))
                || (a.startsAt().isAfter(old.startsAt()) && a.startsAt().isBefore(old.endsAt()));
    }

    public synchronized Optional<AmAlert> get(long fingerprint) {
        return Optional.ofNullable(alerts.get(fingerprint));
    }

    public synchronized List<AmAlert> list() {
        return new ArrayList<>(alerts.values());
    }

    /** Changes whenever the stored alerts do; lets readers cache what they derive from them. */
    public synchronized long version() {
        return version;
    }

    public synchronized int size() {
        return alerts.size();
    }

    /**
     * Subscribes: {@code listener} is called with every current alert, then with each one stored
     * later, under this store's lock (it must be quick and must not call back into the store).
     * Returns a handle that unsubscribes.
     */
    public synchronized Runnable subscribe(Consumer<AmAlert> listener) {
        alerts.values().forEach(listener);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Drops the alerts resolved at {@code now}; returns how many. */
    public synchronized int gc(Instant now) {
        int before = alerts.size();
        version++;
        alerts.values().removeIf(a -> a.resolvedAt(now));
        return before - alerts.size();
    }
}
