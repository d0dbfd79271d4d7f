package dev.vigil.promql.engine;

import java.math.BigDecimal;

/** Go's float formatting where results show it: {@code 'f', -1} (label values) and {@code %v}. */
final class GoFloatFormat {
    private GoFloatFormat() {
    }

    /** {@code strconv.FormatFloat(v, 'f', -1, 64)}: shortest digits, never an exponent. */
    static String f(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return Double.doubleToRawLongBits(v) == 0 ? "0" : "-0";
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** {@code fmt.Sprint(v)}: {@code 'g'} with the shortest digits, exponent below 1e-4 or from 1e21. */
    static String v(double v) {
        return dev.vigil.model.GoFloats.format(v);
    }
}
