package dev.vigil.jvm.agent.mbean;

/** A rule's {@code type}: jmx_exporter's GAUGE, COUNTER, and UNTYPED (served as {@code untyped}). */
public enum MetricKind {
    GAUGE,
    COUNTER,
    UNKNOWN;

    /** Parses a rule's {@code type}; {@code UNTYPED} and {@code UNKNOWN} are the same. Null if not one of them. */
    static MetricKind parse(String type) {
        return switch (type) {
            case "GAUGE" -> GAUGE;
            case "COUNTER" -> COUNTER;
            case "UNTYPED", "UNKNOWN" -> UNKNOWN;
            default -> null;
        };
    }
}
