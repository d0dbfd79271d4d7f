package dev.vigil.hub.remote.sender;

import dev.vigil.hub.config.HubConfig;
import dev.vigil.hub.config.RemoteWriteConfig;
import dev.vigil.model.Labels;
import dev.vigil.storage.Tsdb;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Runs one {@link RemoteQueue} per {@code remote_write} entry. {@link #apply} compares the new
 * entries with the running ones: an unchanged entry keeps running, a changed one is stopped and
 * started again (resuming at its saved position), a removed one is stopped; a change of the
 * external labels restarts them all. Positions live in {@code <storage.tsdb.path>/remote/}, one
 * file per destination (name and URL). The manager also tells the TSDB which WAL segments the
 * queues still need ({@link Tsdb#holdWal}).
 */
public final class RemoteWriteManager implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RemoteWriteManager.class.getName());
    /** A dead receiver holds WAL segments back for at most this long (and never beyond retention). */
    public static final Duration MAX_WAL_HOLD = Duration.ofHours(24);

    private final Tsdb tsdb;
    private final Path positions;
    private final String version;
    /** Running queues by config digest. */
    private final Map<String, RemoteQueue> queues = new LinkedHashMap<>();
    /** Metrics by "remote_name url", kept while the entry exists. */
    private final Map<String, QueueMetrics> metrics = new LinkedHashMap<>();
    private Labels externalLabels = Labels.EMPTY;

    /** A manager sending from {@code tsdb}'s WAL; registers the WAL hold with the TSDB. */
    public RemoteWriteManager(Tsdb tsdb, String version) {
        this.tsdb = tsdb;
        this.positions = tsdb.dir().resolve("remote");
        this.version = version;
        long retention = tsdb.options().retentionMillis();
        long hold = retention == 0 ? MAX_WAL_HOLD.toMillis() : Math.min(retention, MAX_WAL_HOLD.toMillis());
        tsdb.holdWal(this::oldestSegmentNeeded, hold);
    }

    /** Starts, restarts and stops queues to match {@code config}. */
    public synchronized void apply(HubConfig config) {
        Labels external = config.global().externalLabels();
        boolean externalChanged = !external.equals(externalLabels);
        externalLabels = external;
        Map<String, RemoteWriteConfig> wanted = new LinkedHashMap<>();
        for (RemoteWriteConfig rw : config.remoteWriteConfigs()) {
            wanted.put(rw.configHash(), rw);
        }
        for (String hash : new ArrayList<>(queues.keySet())) {
            if (externalChanged || !wanted.containsKey(hash)) {
                queues.remove(hash).stop();
            }
        }
        Set<String> liveMetrics = new HashSet<>();
        for (Map.Entry<String, RemoteWriteConfig> e : wanted.entrySet()) {
            RemoteWriteConfig rw = e.getValue();
            String key = rw.remoteName() + " " + rw.url();
            liveMetrics.add(key);
            if (queues.containsKey(e.getKey())) {
                continue;
            }
            QueueMetrics m = metrics.computeIfAbsent(key, k -> new QueueMetrics(rw.remoteName(), rw.url().toString()));
            RemoteQueue q = new RemoteQueue(rw, external, tsdb.wal().dir(), tsdb.options().wal().blockSizeBytes(),
                    tsdb.wal()::deletedSegmentSamples, positions.resolve(rw.destinationHash().substring(0, 16)), m,
                    version);
            try {
                q.start();
                queues.put(e.getKey(), q);
            } catch (IOException | RuntimeException ex) {
                LOG.severe(() -> "remote write to " + rw.remoteName() + " (" + rw.url() + ") cannot start: "
                        + ex.getMessage());
            }
        }
        metrics.keySet().retainAll(liveMetrics);
    }

    /** The oldest WAL segment any queue still needs; {@code Integer.MAX_VALUE} when none. */
    public synchronized int oldestSegmentNeeded() {
        int oldest = Integer.MAX_VALUE;
        for (RemoteQueue q : queues.values()) {
            oldest = Math.min(oldest, q.oldestSegmentNeeded());
        }
        return oldest;
    }

    /** The running queues (for tests: an unchanged entry keeps its queue across a reload). */
    synchronized List<RemoteQueue> running() {
        return List.copyOf(queues.values());
    }

    synchronized Collection<QueueMetrics> metrics() {
        return List.copyOf(metrics.values());
    }

    /** The collector of the queues' metrics for the hub's /metrics. */
    public RemoteWriteCollector collector() {
        return new RemoteWriteCollector(this::metrics, () -> tsdb.head().maxTime());
    }

    /** Stops every queue (each saves its position). */
    @Override
    public synchronized void close() {
        for (RemoteQueue q : queues.values()) {
            q.stop();
        }
        queues.clear();
    }
}
