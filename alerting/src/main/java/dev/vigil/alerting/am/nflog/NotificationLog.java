package dev.vigil.alerting.am.nflog;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Alertmanager's notification log ({@code nflog}): per group and integration, the last
 * notification sent, so the dedup stage sends only what changed or what is due again, across
 * restarts. Entries expire after the retention. The log is written to one file (temp file, fsync,
 * rename) at most every {@link #SYNC_INTERVAL} after a change and on {@link #close}.
 */
public final class NotificationLog implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NotificationLog.class.getName());
    /** How long after a change the file is rewritten: a crash can lose this much of the log. */
    public static final Duration SYNC_INTERVAL = Duration.ofSeconds(1);

    private final Path file;
    private final Duration retention;
    private final Map<String, LogEntry> entries = new HashMap<>();
    private boolean dirty;
    private Thread writer;
    private volatile boolean closed;

    private NotificationLog(Path file, Duration retention) {
        this.file = file;
        this.retention = retention;
    }

    /** A log backed by {@code file} (null: memory only), loading what it holds. */
    public static NotificationLog open(Path file, Duration retention, Instant now) throws IOException {
        NotificationLog log = new NotificationLog(file, retention);
        if (file != null) {
            for (LogEntry e : NotificationLogFile.read(file)) {
                if (e.expiresAt().isAfter(now)) {
                    log.entries.put(key(e.groupKey(), e.receiver()), e);
                }
            }
            log.writer = Thread.ofPlatform().daemon().name("nflog-writer").start(log::syncLoop);
        }
        return log;
    }

    private static String key(String groupKey, ReceiverKey r) {
        return groupKey + ":" + r;
    }

    public synchronized Optional<LogEntry> query(String groupKey, ReceiverKey receiver) {
        return Optional.ofNullable(entries.get(key(groupKey, receiver)));
    }

    /** Records a notification sent at {@code now}. */
    public synchronized void log(ReceiverKey receiver, String groupKey, Set<Long> firing, Set<Long> resolved,
            Instant now) {
        entries.put(key(groupKey, receiver), new LogEntry(groupKey, receiver, firing, resolved, now,
                now.plus(retention)));
        dirty = true;
        notifyAll();
    }

    /** Drops expired entries; returns how many. */
    public synchronized int gc(Instant now) {
        int before = entries.size();
        entries.values().removeIf(e -> !e.expiresAt().isAfter(now));
        if (entries.size() != before) {
            dirty = true;
            notifyAll();
        }
        return before - entries.size();
    }

    public synchronized List<LogEntry> entries() {
        return new ArrayList<>(entries.values());
    }

    private void syncLoop() {
        while (!closed) {
            try {
                synchronized (this) {
                    while (!dirty && !closed) {
                        wait();
                    }
                }
                Thread.sleep(SYNC_INTERVAL);
                sync();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Writes the log to its file now if it changed. */
    public void sync() {
        List<LogEntry> snapshot;
        synchronized (this) {
            if (!dirty || file == null) {
                return;
            }
            dirty = false;
            snapshot = new ArrayList<>(entries.values());
        }
        try {
            NotificationLogFile.write(file, snapshot);
        } catch (IOException e) {
            synchronized (this) {
                dirty = true;
            }
            LOG.log(Level.WARNING, "writing the notification log " + file + " failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sync();
    }
}
