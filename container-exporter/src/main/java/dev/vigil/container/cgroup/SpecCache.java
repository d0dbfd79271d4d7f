package dev.vigil.container.cgroup;

import dev.vigil.container.cgroup.CgroupStats.CpuSpec;
import dev.vigil.container.cgroup.CgroupStats.MemorySpec;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Each cgroup's limits, read again at most every {@link #TTL}: cAdvisor refreshes a container's
 * spec on the same cadence ({@code manager/container.go}, {@code GetInfo}: the spec is updated
 * when older than 5 s), and limits change only by an explicit update ({@code docker update}, a
 * unit's {@code systemctl set-property}). On cgroup v1 that is seven files per cgroup not read
 * per scrape.
 *
 * <p>An entry not asked for within {@link #TTL} is dropped when the next one is stored, so
 * containers that come and go leave nothing behind.
 */
final class SpecCache {
    static final Duration TTL = Duration.ofSeconds(5);

    /** What is cached: the limits, and v1's {@code memory.use_hierarchy} (fixed once a cgroup has children). */
    record Spec(CpuSpec cpu, MemorySpec memory, boolean memoryHierarchy) {
    }

    @FunctionalInterface
    interface SpecReader {
        Spec read() throws IOException;
    }

    private record Entry(Spec spec, Instant readAt) {
    }

    private final Supplier<Instant> clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private Instant lastSweep = Instant.MIN;

    /** A cache reading "now" from {@code clock} (the reader's clock; tests step it by hand). */
    SpecCache(Supplier<Instant> clock) {
        this.clock = clock;
    }

    /** The cgroup's cached spec, or a fresh one from {@code reader} when there is none or it is older than the TTL. */
    Spec get(String cgroup, SpecReader reader) throws IOException {
        Instant now = clock.get();
        Entry entry = entries.get(cgroup);
        if (entry == null || expired(entry, now)) {
            entry = new Entry(reader.read(), now);
            entries.put(cgroup, entry);
            sweep(now);
        }
        return entry.spec();
    }

    int size() {
        return entries.size();
    }

    private static boolean expired(Entry entry, Instant now) {
        return !now.isBefore(entry.readAt().plus(TTL)) || now.isBefore(entry.readAt());
    }

    /** Drops expired entries, at most once per TTL (removed cgroups are never asked for again). */
    private synchronized void sweep(Instant now) {
        if (now.isBefore(lastSweep.plus(TTL)) && !now.isBefore(lastSweep)) {
            return;
        }
        lastSweep = now;
        entries.values().removeIf(e -> expired(e, now));
    }
}
