package dev.vigil.container.runtime;

import dev.vigil.container.runtime.RuntimeApiException.Kind;
import dev.vigil.exporter.log.Log;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;

/**
 * Names the container behind a cgroup path, from the runtimes' sources, with a cache per container id.
 *
 * <p>Churn: at most every {@code refreshInterval} a refresh (in the background, never on the scrape's
 * thread) lists each source's live containers and drops cache entries of containers that are gone (or
 * whose process died, so a restarted Docker container is inspected again); "unknown id" answers are
 * forgotten at each refresh so they are asked again. Failures: a source that fails is skipped until its
 * next successful listing (a hung daemon costs one timeout per refresh, not one per container), what
 * the cache has is still served, each (runtime, kind) is logged once and every failure is counted.
 */
public final class MetadataResolver {
    private static final Log LOG = Log.get(MetadataResolver.class);
    /** Kinds after which a source is not asked again until a listing succeeds. */
    private static final Set<Kind> SOURCE_DOWN = EnumSet.of(Kind.ABSENT, Kind.REFUSED, Kind.DENIED, Kind.TIMEOUT);

    private final List<RuntimeSource> sources;
    private final long refreshNanos;
    private final LongSupplier nanoClock;
    private final LongPredicate pidAlive;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final Set<Runtime> down = ConcurrentHashMap.newKeySet();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Set<String> logged = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile long lastRefresh;
    private volatile boolean everRefreshed;

    /** A cached answer: the metadata, or "this runtime does not know the id" (empty). */
    private record Entry(Optional<ContainerMetadata> metadata) {
    }

    /**
     * @param sources asked in this order after the runtime the cgroup path names
     * @param pidAlive whether a host pid still runs (e.g. {@code /proc/<pid>} exists under the procfs root)
     */
    public MetadataResolver(List<RuntimeSource> sources, Duration refreshInterval, LongSupplier nanoClock,
            LongPredicate pidAlive) {
        this.sources = List.copyOf(sources);
        this.refreshNanos = refreshInterval.toNanos();
        this.nanoClock = nanoClock;
        this.pidAlive = pidAlive;
    }

    /**
     * The metadata of the container or systemd unit behind {@code cgroupPath}; empty for raw cgroups and
     * for containers no runtime knows (they stay raw, spec §2.3).
     */
    public Optional<ContainerMetadata> resolve(String cgroupPath) {
        ContainerId cid = ContainerId.fromCgroup(cgroupPath);
        if (cid.runtime() == Runtime.SYSTEMD) {
            return Optional.of(ContainerMetadata.systemdUnit(cid.id()));
        }
        if (!cid.isRuntimeContainer()) {
            return Optional.empty();
        }
        refreshInBackgroundIfDue();
        Entry cached = cache.get(cid.id());
        if (cached != null) {
            return cached.metadata();
        }
        Optional<ContainerMetadata> found = lookup(cid);
        cache.put(cid.id(), new Entry(found));
        return found;
    }

    /** Lists every source now and prunes the cache (the background refresh runs this). */
    public void refreshNow() {
        lastRefresh = nanoClock.getAsLong();
        everRefreshed = true;
        Map<Runtime, Set<String>> live = new HashMap<>();
        for (RuntimeSource source : sources) {
            try {
                Set<String> ids = source.liveIds();
                live.computeIfAbsent(source.runtime(), r -> new java.util.HashSet<>()).addAll(ids);
                if (down.remove(source.runtime())) {
                    LOG.info("Container runtime answers again", "runtime", source.runtime().label());
                }
            } catch (RuntimeApiException e) {
                failed(source.runtime(), e);
            } catch (RuntimeException e) {
                failed(source.runtime(), new RuntimeApiException(Kind.IO, String.valueOf(e), e));
            }
        }
        cache.entrySet().removeIf(entry -> {
            Optional<ContainerMetadata> metadata = entry.getValue().metadata();
            if (metadata.isEmpty()) {
                return true; // ask again: the runtime may know it by now
            }
            ContainerMetadata m = metadata.get();
            Set<String> ids = live.get(m.runtime());
            if (ids == null) {
                return false; // its source failed: serve what we have
            }
            return !ids.contains(entry.getKey()) || (m.pid().isPresent() && !pidAlive.test(m.pid().getAsLong()));
        });
    }

    /** How many containers the cache holds (positive and negative answers). */
    public int cacheSize() {
        return cache.size();
    }

    /** Failures so far, by {@code <runtime>/<kind>} (e.g. {@code docker/timeout}), sorted. */
    public Map<String, Long> errorCounts() {
        Map<String, Long> out = new TreeMap<>();
        errors.forEach((key, count) -> out.put(key, count.sum()));
        return out;
    }

    /** The total of {@link #errorCounts()}. */
    public long errorTotal() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Whether a background refresh is running (tests wait on it). */
    boolean refreshing() {
        return refreshing.get();
    }

    private Optional<ContainerMetadata> lookup(ContainerId cid) {
        for (RuntimeSource source : ordered(cid.runtime())) {
            if (down.contains(source.runtime())) {
                continue;
            }
            try {
                Optional<ContainerMetadata> found = source.lookup(cid.id());
                if (found.isPresent()) {
                    return found;
                }
            } catch (RuntimeApiException e) {
                failed(source.runtime(), e);
            } catch (RuntimeException e) {
                failed(source.runtime(), new RuntimeApiException(Kind.IO, String.valueOf(e), e));
            }
        }
        return Optional.empty();
    }

    private List<RuntimeSource> ordered(Runtime hint) {
        List<RuntimeSource> out = new ArrayList<>(sources.size());
        for (RuntimeSource source : sources) {
            if (source.runtime() == hint) {
                out.add(source);
            }
        }
        for (RuntimeSource source : sources) {
            if (source.runtime() != hint) {
                out.add(source);
            }
        }
        return out;
    }

    private void failed(Runtime runtime, RuntimeApiException e) {
        if (SOURCE_DOWN.contains(e.kind())) {
            down.add(runtime);
        }
        String key = runtime.label() + "/" + e.kind().name().toLowerCase(java.util.Locale.ROOT);
        if (e.kind() != Kind.ABSENT) {
            // A runtime that is not installed is normal (Docker on a CRI-O node): not an error.
            errors.computeIfAbsent(key, k -> new LongAdder()).increment();
        }
        if (logged.add(key)) {
            if (e.kind() == Kind.ABSENT) {
                LOG.info("Container runtime not found; its containers stay unnamed", "runtime", runtime.label(),
                        "err", e.getMessage());
            } else {
                LOG.warn("Container runtime failed; serving cached names (logged once per kind)", "runtime",
                        runtime.label(), "kind", e.kind(), "err", e.getMessage());
            }
        }
    }

    private void refreshInBackgroundIfDue() {
        if (everRefreshed && nanoClock.getAsLong() - lastRefresh < refreshNanos) {
            return;
        }
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        lastRefresh = nanoClock.getAsLong(); // so scrapes meanwhile do not start another one
        everRefreshed = true;
        Thread.ofVirtual().name("container-metadata-refresh").start(() -> {
            try {
                refreshNow();
            } finally {
                refreshing.set(false);
            }
        });
    }

    /**
     * The engine facts of the first source of {@code runtime} that answers; empty when none is
     * configured or answers (cAdvisor's {@code dockerVersion} label is empty then too).
     */
    public Optional<EngineInfo> engine(Runtime runtime) {
        for (RuntimeSource source : sources) {
            if (source.runtime() != runtime) {
                continue;
            }
            try {
                Optional<EngineInfo> engine = source.engine();
                if (engine.isPresent()) {
                    return engine;
                }
            } catch (RuntimeApiException | RuntimeException e) {
                LOG.debug("No engine info", "runtime", runtime.label(), "err", e.getMessage());
            }
        }
        return Optional.empty();
    }
}
