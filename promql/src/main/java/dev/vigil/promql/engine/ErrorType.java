package dev.vigil.promql.engine;

/** Prometheus' API {@code errorType} values. */
public enum ErrorType {
    TIMEOUT("timeout"), CANCELED("canceled"), EXECUTION("execution"), BAD_DATA("bad_data"), INTERNAL("internal"),
    UNAVAILABLE("unavailable"), NOT_FOUND("not_found");

    private final String text;

    ErrorType(String text) {
        this.text = text;
    }

    /** As the API spells it: "bad_data", "execution", ... */
    public String text() {
        return text;
    }
}
