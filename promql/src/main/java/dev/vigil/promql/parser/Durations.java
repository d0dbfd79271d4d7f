package dev.vigil.promql.parser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code model.ParseDuration} of prometheus/common as Prometheus 2.42 uses it, in milliseconds. */
final class Durations {
    private static final Pattern DURATION = Pattern.compile(
            "^(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?$");
    private static final long[] UNIT_MS = {
        365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600L * 1000, 60L * 1000, 1000L, 1L};
    /** Go keeps durations in nanoseconds: a duration is out of range when its nanoseconds overflow. */
    private static final long MAX_MS = Long.MAX_VALUE / 1_000_000L;

    private Durations() {
    }

    /** The duration in milliseconds; the exception's message is Go's error text. */
    static long parse(String s) {
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty duration string");
        }
        Matcher m = DURATION.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a valid duration string: " + GoText.quote(s));
        }
        long total = 0;
        for (int i = 0; i < UNIT_MS.length; i++) {
            String digits = m.group(2 * i + 2);
            if (digits == null) {
                continue;
            }
            long n = digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
            if (n > MAX_MS / UNIT_MS[i] || total + n * UNIT_MS[i] > MAX_MS) {
                throw new IllegalArgumentException("duration out of range");
            }
            total += n * UNIT_MS[i];
        }
        return total;
    }
}
