package dev.vigil.promql.script;

import dev.vigil.model.Labels;
import dev.vigil.promql.engine.Queryable;
import dev.vigil.storage.Querier;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The series a script loads, in memory: sorted by labels, each a growing pair of primitive arrays.
 * Values are kept bit for bit, so the stale marker stays the stale marker.
 */
public final class MemoryStorage implements Queryable {
    private final TreeMap<Labels, Samples> series = new TreeMap<>();

    /** One series' samples in time order. */
    static final class Samples {
        long[] timestamps = new long[8];
        double[] values = new double[8];
        int size;

        void add(long t, double v) {
            if (size == timestamps.length) {
                timestamps = Arrays.copyOf(timestamps, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            timestamps[size] = t;
            values[size] = v;
            size++;
        }
    }

    /**
     * Appends one sample.
     *
     * @throws IllegalArgumentException for a sample not after the series' last one, or labels
     *     without any label, which Prometheus' storage rejects too
     */
    public void add(Labels labels, long t, double v) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a series needs at least one label");
        }
        Samples s = series.computeIfAbsent(labels, k -> new Samples());
        if (s.size > 0 && s.timestamps[s.size - 1] >= t) {
            throw new IllegalArgumentException((s.timestamps[s.size - 1] == t ? "duplicate sample" : "out of order sample")
                    + " for " + labels + " at " + t);
        }
        s.add(t, v);
    }

    /** Forgets every series. */
    public void clear() {
        series.clear();
    }

    /** The number of series. */
    public int size() {
        return series.size();
    }

    @Override
    public Querier querier(long mint, long maxt) {
        return new MemoryQuerier(Map.copyOf(series), mint, maxt);
    }
}
