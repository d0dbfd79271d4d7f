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
}
