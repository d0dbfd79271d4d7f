package dev.vigil.storage.head;

import dev.vigil.model.Labels;
import dev.vigil.storage.Appender;
import dev.vigil.storage.SampleRejectedException;
import java.io.IOException;

/**
 * Collects a batch, checks each sample against its series as it comes (so a scrape learns of
 * out-of-order samples at once), then logs the batch and applies it at commit. A series is created
 * in the head on first sight; the WAL learns of it with the batch.
 */
public final class HeadAppender implements Appender {
    private final Head head;
    private final CommitLog log;
    private final SampleBatch batch = new SampleBatch();
    private final boolean[] created = new boolean[1];

    HeadAppender(Head head, CommitLog log) {
        this.head = head;
        this.log = log;
    }

    @Override
    public long append(long ref, Labels labels, long timestamp, double value) throws SampleRejectedException {
        MemSeries s = ref > 0 && ref <= Integer.MAX_VALUE ? head.series((int) ref) : null;
        if (s == null) {
            s = head.getOrCreate(labels, created);
            if (created[0]) {
                batch.addSeries(s.id(), s.labels());
            }
        }
        if (timestamp < head.minValidTime()) {
            throw reject(SampleRejectedException.Reason.OUT_OF_BOUNDS);
        }
        long bits = Double.doubleToRawLongBits(value);
        switch (s.check(timestamp, bits)) {
            case MemSeries.TAKE -> batch.addSample(s.id(), timestamp, bits);
            case MemSeries.REPEAT -> { }
            case MemSeries.OUT_OF_ORDER -> throw reject(SampleRejectedException.Reason.OUT_OF_ORDER);
            default -> throw reject(SampleRejectedException.Reason.DUPLICATE_TIMESTAMP);
        }
        return s.id();
    }

    @Override
    public Labels storedLabels(long ref) {
        MemSeries s = ref > 0 && ref <= Integer.MAX_VALUE ? head.series((int) ref) : null;
        return s == null ? null : s.labels();
    }

    private SampleRejectedException reject(SampleRejectedException.Reason reason) {
        head.countRejected(reason);
        return reason.exception();
    }

    @Override
    public void commit() throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        try {
            log.log(batch);
            head.apply(batch);
        } finally {
            batch.clear();
        }
    }

    @Override
    public void rollback() {
        batch.clear();
    }
}
