package dev.vigil.model;

/**
 * The metric types of the Prometheus text format 0.0.4, with their OpenMetrics names.
 *
 * <p>{@link #UNTYPED} is what node_exporter uses for the netstat, sockstat and vmstat families; in
 * OpenMetrics it is written as {@code unknown}.
 */
public enum MetricType {
    COUNTER("counter", "counter"),
    GAUGE("gauge", "gauge"),
    UNTYPED("untyped", "unknown"),
    SUMMARY("summary", "summary"),
    HISTOGRAM("histogram", "histogram");

    private final String textName;
    private final String openMetricsName;

    MetricType(String textName, String openMetricsName) {
        this.textName = textName;
        this.openMetricsName = openMetricsName;
    }

    /** The word after {@code # TYPE name} in the text format 0.0.4. */
    public String textName() {
        return textName;
    }

    /** The word after {@code # TYPE name} in OpenMetrics 1.0. */
    public String openMetricsName() {
        return openMetricsName;
    }

    /**
     * Parses a {@code # TYPE} word from either format.
     *
     * @throws IllegalArgumentException for a word neither format defines
     */
    public static MetricType parse(String word) {
        for (MetricType type : values()) {
            if (type.textName.equals(word) || type.openMetricsName.equals(word)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown metric type \"" + word + "\"");
    }
}
