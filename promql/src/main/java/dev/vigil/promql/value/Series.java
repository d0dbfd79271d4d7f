package dev.vigil.promql.value;

import dev.vigil.model.Labels;

/**
 * One series of a range vector: labels and points in time order; {@code timestamps} and
 * {@code values} have the same length. The arrays are owned by the series; do not change them.
 */
public record Series(Labels metric, long[] timestamps, double[] values) {
    public int size() {
        return timestamps.length;
    }
}
