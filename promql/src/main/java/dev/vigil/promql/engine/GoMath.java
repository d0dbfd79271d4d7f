package dev.vigil.promql.engine;

/**
 * Go's {@code math} functions where Java has none or rounds differently: the inverse hyperbolic
 * functions and {@code Log2}/{@code Log10} follow Go's algorithms so results match Prometheus'.
 */
final class GoMath {
    private static final double LN2 = 6.93147180559945286227e-01;
    private static final double NEAR_ZERO = 1.0 / (1 << 28);
    private static final double LARGE = 1 << 28;

    private GoMath() {
    }

    static double asinh(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        boolean sign = x < 0;
        if (sign) {
            x = -x;
        }
        double temp;
        if (x > LARGE) {
            temp = Math.log(x) + LN2;
        } else if (x > 2) {
            temp = Math.log(2 * x + 1 / (Math.sqrt(x * x + 1) + x));
        } else if (x < NEAR_ZERO) {
            temp = x;
        } else {
            temp = Math.log1p(x + x * x / (1 + Math.sqrt(1 + x * x)));
        }
        return sign ? -temp : temp;
    }

    static double acosh(double x) {
        if (x < 1 || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x == 1) {
            return 0;
        }
        if (x >= LARGE) {
            return Math.log(x) + LN2;
        }
        if (x > 2) {
            return Math.log(2 * x - 1 / (x + Math.sqrt(x * x - 1)));
        }
        double t = x - 1;
        return Math.log1p(t + Math.sqrt(2 * t + t * t));
    }

    static double atanh(double x) {
        if (x < -1 || x > 1 || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (x == -1) {
            return Double.NEGATIVE_INFINITY;
        }
        boolean sign = x < 0;
        if (sign) {
            x = -x;
        }
        double temp;
        if (x < NEAR_ZERO) {
            temp = x;
        } else if (x < 0.5) {
            temp = x + x;
            temp = 0.5 * Math.log1p(temp + temp * x / (1 - x));
        } else {
            temp = 0.5 * Math.log1p((x + x) / (1 - x));
        }
        return sign ? -temp : temp;
    }

    /** Go's {@code math.Log2}: exact for powers of two. */
    static double log2(double x) {
        if (Double.isNaN(x) || x <= 0 || Double.isInfinite(x)) {
            return Math.log(x) / Math.log(2);
        }
        int exp = Math.getExponent(x);
        double frac;
        if (exp == Double.MIN_EXPONENT - 1) { // subnormal
            double scaled = x * 0x1p52;
            exp = Math.getExponent(scaled) - 52;
            frac = scaled / Math.scalb(1.0, Math.getExponent(scaled));
        } else {
            frac = x / Math.scalb(1.0, exp);
        }
        // Go's Frexp gives frac in [0.5, 1): ours is in [1, 2).
        frac /= 2;
        exp += 1;
        if (frac == 0.5) {
            return exp - 1;
        }
        return Math.log(frac) * (1 / LN2) + exp;
    }

    /** Go's {@code math.Log10}: {@code log(x) * (1/Ln10)}. */
    static double log10(double x) {
        return Math.log(x) * (1 / 2.30258509299404568401799145468436420760110148862877297603332790);
    }

    /** Go's {@code Sgn} as PromQL defines it: -1, 1, or the value itself (0, -0, NaN). */
    static double sgn(double v) {
        return v < 0 ? -1 : v > 0 ? 1 : v;
    }

    /** Go's {@code math.Max}: +Inf wins even over NaN. */
    static double max(double x, double y) {
        if (x == Double.POSITIVE_INFINITY || y == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(x, y);
    }

    /** Go's {@code math.Min}: -Inf wins even over NaN. */
    static double min(double x, double y) {
        if (x == Double.NEGATIVE_INFINITY || y == Double.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.min(x, y);
    }

    /**
     * Go's {@code int64(f)} on amd64: NaN and values outside int64's range become the minimum
     * int64 (the CPU's "integer indefinite"), where Java gives 0 or saturates.
     */
    static long toInt64(double f) {
        if (Double.isNaN(f) || f >= 0x1p63 || f < -0x1p63) {
            return Long.MIN_VALUE;
        }
        return (long) f;
    }
}
