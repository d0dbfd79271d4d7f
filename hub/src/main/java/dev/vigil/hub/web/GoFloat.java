package dev.vigil.hub.web;

import dev.vigil.model.GoFloats;

/**
 * How Prometheus' API spells sample values and times (built on Go's float formats in
 * {@link GoFloats}).
 */
public final class GoFloat {
    private GoFloat() {
    }

    /**
     * A sample value as Prometheus' API writes it (its {@code marshalValue}): {@code 'e'} below
     * 1e-6 and from 1e21 on, {@code 'f'} otherwise.
     */
    public static String sampleValue(double v) {
        double abs = Math.abs(v);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21) && !Double.isNaN(v) && !Double.isInfinite(v)) {
            return GoFloats.formatE(v);
        }
        return GoFloats.formatF(v);
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
        return GoFloats.formatF(ms / 1000.0);
    }

}
