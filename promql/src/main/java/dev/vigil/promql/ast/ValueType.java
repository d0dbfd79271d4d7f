package dev.vigil.promql.ast;

/** The type an expression evaluates to, named as Prometheus names it in errors. */
public enum ValueType {
    NONE("none"), VECTOR("vector"), SCALAR("scalar"), MATRIX("matrix"), STRING("string");

    private final String text;

    ValueType(String text) {
        this.text = text;
    }

    /** "vector", "scalar", ... as in {@code expected type range vector}. */
    public String text() {
        return text;
    }

    /** As in Prometheus' checks: "instant vector", "range vector", "scalar", "string". */
    public String documentedName() {
        return switch (this) {
            case VECTOR -> "instant vector";
            case MATRIX -> "range vector";
            default -> text;
        };
    }
}
