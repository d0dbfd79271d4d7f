package dev.vigil.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's {@code strconv.FormatFloat(v, 'g', -1, 64)}, as the text format and federation write
 * values: the shortest digits that round-trip; plain notation unless the exponent is below -4 or
 * at least 6 (Go's rule for the shortest form; node_exporter prints {@code 1.445913e+06}), then {@code d.ddde±XX} with at least two exponent digits; {@code +Inf}, {@code -Inf},
 * {@code NaN} as Prometheus writes them.
 */
public final class GoFloats {
    private GoFloats() {
    }

    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return Double.doubleToRawLongBits(v) == 0 ? "0" : "-0";
        }
        // Java's Double.toString gives the shortest round-tripping digits (JDK 19+), except that it
        // never prints fewer than two significant digits: try one less where it still round-trips.
        double abs = Math.abs(v);
        BigDecimal d = new BigDecimal(Double.toString(abs)).stripTrailingZeros();
        if (d.precision() == 2) {
            BigDecimal shorter = d.round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(shorter.toString()) == abs) {
                d = shorter.stripTrailingZeros();
            }
        }
        String digits = d.unscaledValue().toString();
        int exp = digits.length() - 1 - d.scale(); // scientific exponent
        StringBuilder out = new StringBuilder(v < 0 ? "-" : "");
        if (exp < -4 || exp >= 6) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(exp < 0 ? '-' : '+');
            int e = Math.abs(exp);
            if (e < 10) {
                out.append('0');
            }
            out.append(e);
        } else {
            out.append(d.toPlainString());
        }
        return out.toString();
    }

    /** {@code strconv.FormatFloat(v, 'f', -1, 64)}: {@code 0.0000001}, {@code 1500000000}, {@code -0}. */
    public static String formatF(double v) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        if (v == 0) {
            return Double.doubleToRawLongBits(v) < 0 ? "-0" : "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v); // the common case, without BigDecimal
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** {@code strconv.FormatFloat(v, 'e', -1, 64)}: {@code 1e-07}, {@code 1.5e+21}. */
    public static String formatE(double v) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        if (v == 0) {
            return Double.doubleToRawLongBits(v) < 0 ? "-0e+00" : "0e+00";
        }
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exponent = digits.length() - 1 - d.scale();
        StringBuilder out = new StringBuilder(digits.length() + 8);
        if (v < 0) {
            out.append('-');
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            out.append('0');
        }
        return out.append(abs).toString();
    }

    private static String special(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == Double.POSITIVE_INFINITY) {
            return "+Inf";
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return "-Inf";
        }
        return null;
    }
}
