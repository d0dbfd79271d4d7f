package dev.vigil.promql.engine;

/**
 * The samples one range-vector function sees at one step: {@code t[from..to)} and
 * {@code v[from..to)} of one series, the step time, the selector's range and offset, and where
 * the function leaves its result.
 */
final class Window {
    long[] t;
    double[] v;
    int from;
    int to;
    long ts;
    long range;
    long offset;
    double result;

    int size() {
        return to - from;
    }
}
