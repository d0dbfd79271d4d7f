package dev.vigil.exporter;

/**
 * Where a collector sends its samples during one update. Label values come in the order of the
 * descriptor's label names.
 */
public interface MetricSink {

    /**
     * Adds one sample to the family {@code desc} describes.
     *
     * @throws IllegalArgumentException if the number of label values does not match the
     *     descriptor's label names
     */
    void add(Desc desc, double value, String... labelValues);

    /**
     * Adds one histogram to a {@link dev.vigil.model.MetricType#HISTOGRAM} family: bucket upper
     * bounds in increasing order with their cumulative counts (a missing {@code +Inf} bucket is
     * added with {@code count}), the sum and the count.
     */
    void addHistogram(Desc desc, double[] upperBounds, long[] cumulativeCounts, double sum, long count,
            String... labelValues);

    /** Adds one summary to a {@link dev.vigil.model.MetricType#SUMMARY} family. */
    void addSummary(Desc desc, double[] quantiles, double[] quantileValues, double sum, long count,
            String... labelValues);
}
