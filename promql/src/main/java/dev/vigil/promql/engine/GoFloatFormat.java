package dev.vigil.promql.engine;

/** Go's float formatting where results show it: {@code 'f', -1} (label values) and {@code %v}. */
final class GoFloatFormat {
    private GoFloatFormat() {
    }

    /** {@code strconv.FormatFloat(v, 'f', -1, 64)}: shortest digits, never an exponent. */
    static String f(double v) {
        return dev.vigil.model.GoFloats.formatF(v);
    }

    /** {@code fmt.Sprint(v)}: {@code 'g'} with the shortest digits, exponent below 1e-4 or from 1e21. */
    static String v(double v) {
        return dev.vigil.model.GoFloats.format(v);
    }
}
