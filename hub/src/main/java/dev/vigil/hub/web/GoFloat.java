package dev.vigil.hub.web;

import java.math.BigDecimal;

/**
 * Go's float spellings, which Prometheus' API and promtool print: {@code strconv.FormatFloat(v,
 * 'f', -1, 64)} and {@code 'e'} (shortest digits that read back to the same double; Java's {@link
 * Double#toString} finds the same digits since JDK 19), with {@code NaN}, {@code +Inf} and
 * {@code -Inf}.
 */
public final class GoFloat {
    private GoFloat() {
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

    /**
     * A sample value as Prometheus' API writes it (its {@code marshalValue}): {@code 'e'} below
     * 1e-6 and from 1e21 on, {@code 'f'} otherwise.
     */
    public static String sampleValue(double v) {
        double abs = Math.abs(v);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21) && !Double.isNaN(v) && !Double.isInfinite(v)) {
            return formatE(v);
        }
        return formatF(v);
    }

    /**
     * A millisecond timestamp as Prometheus writes a sample's time: seconds, then three digits of
     * milliseconds when there are any ({@code 1435781451.781}, {@code 1.500}, {@code 2}).
     */
    public static String sampleTime(long ms) {
        StringBuilder out = new StringBuilder(20);
        long t = ms;
        if (t < 0) {
            out.append('-');
            t = -t;
        }
        out.append(t / 1000);
        long fraction = t % 1000;
        if (fraction != 0) {
            out.append('.');
            if (fraction < 100) {
                out.append('0');
            }
            if (fraction < 10) {
                out.append('0');
            }
            out.append(fraction);
        }
        return out.toString();
    }

    /**
     * A millisecond timestamp as {@code float64(t)/1000} through Go's JSON encoder (a scalar's or
     * string's time): shortest digits, no trailing zeros ({@code 1795279452.66}).
     */
    public static String jsonSeconds(long ms) {
        return formatF(ms / 1000.0);
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
