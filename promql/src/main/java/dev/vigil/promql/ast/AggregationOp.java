package dev.vigil.promql.ast;

/** The aggregation operators; {@code topk}, {@code bottomk}, {@code quantile} and {@code count_values} take a parameter. */
public enum AggregationOp {
    SUM("sum"), AVG("avg"), COUNT("count"), MIN("min"), MAX("max"), GROUP("group"), STDDEV("stddev"),
    STDVAR("stdvar"), TOPK("topk"), BOTTOMK("bottomk"), COUNT_VALUES("count_values"), QUANTILE("quantile");

    private final String text;

    AggregationOp(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public boolean hasParam() {
        return this == TOPK || this == BOTTOMK || this == COUNT_VALUES || this == QUANTILE;
    }

    /** The operator spelled {@code name} (lower case), or null. */
    public static AggregationOp byName(String name) {
        for (AggregationOp op : values()) {
            if (op.text.equals(name)) {
                return op;
            }
        }
        return null;
    }
}
