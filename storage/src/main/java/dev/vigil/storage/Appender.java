package dev.vigil.storage;

import dev.vigil.model.Labels;
import java.io.IOException;

/**
 * Collects one batch of samples (a scrape, a remote-write request) and makes it durable and
 * visible at {@link #commit()}. Not thread-safe; one per batch.
 */
public interface Appender {
    /**
     * Adds a sample. {@code ref} is what an earlier call returned for the same labels (0 when
     * unknown); a ref the storage no longer knows is looked up by labels again.
     *
     * @return the series ref to pass next time
     * @throws SampleRejectedException when the sample cannot be stored (out of order, duplicate
     *     timestamp, too old); the batch goes on
     */
    long append(long ref, Labels labels, long timestamp, double value) throws SampleRejectedException;

    /**
     * The labels the storage keeps for series {@code ref} (its interned copy), or null when it has
     * none to share. A caller that caches labels per series (a scrape loop) keeps these instead of
     * its own, so that a series' strings are held once.
     */
    default Labels storedLabels(long ref) {
        return null;
    }

    /**
     * Writes the batch to the WAL and then to the head. When it returns, the batch is
     * acknowledged: it survives a crash of the process (storage/README.md, sync policy).
     *
     * @throws IOException when the WAL cannot take the batch (disk full, I/O error); nothing of it
     *     is applied
     */
    void commit() throws IOException;

    /** Drops the batch. */
    void rollback();
}
