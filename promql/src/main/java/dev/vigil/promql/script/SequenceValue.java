package dev.vigil.promql.script;

/**
 * One step of a series description: a value (possibly the stale marker), or an omitted step
 * ({@code _}) that loads nothing, or in an expected range result, expects no point.
 */
public record SequenceValue(boolean omitted, double value) {
    /** The NaN Prometheus writes when a series goes stale; told apart from other NaNs by its bits. */
    public static final double STALE_NAN = Double.longBitsToDouble(0x7ff0000000000002L);
    public static final SequenceValue OMITTED = new SequenceValue(true, 0);

    public static SequenceValue of(double value) {
        return new SequenceValue(false, value);
    }

    public static boolean isStale(double v) {
        return Double.doubleToRawLongBits(v) == 0x7ff0000000000002L;
    }

    public boolean stale() {
        return !omitted && isStale(value);
    }

    @Override
    public String toString() {
        return omitted ? "_" : stale() ? "stale" : ScriptValues.format(value);
    }
}
