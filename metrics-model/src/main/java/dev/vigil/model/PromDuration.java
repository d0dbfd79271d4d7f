package dev.vigil.model;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus' duration syntax ({@code model.Duration}): units y, w, d, h, m, s, ms, largest first,
 * each at most once, whole numbers only ({@code 1h30m}, {@code 15s}, {@code 0}). A year is 365
 * days.
 */
public final class PromDuration {
    private static final Pattern SYNTAX = Pattern.compile(
            "^(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?$");
    private static final long[] UNIT_MILLIS = {
        365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600L * 1000, 60L * 1000, 1000L, 1L,
    };

    private PromDuration() {
    }

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException with Prometheus' wording for a malformed one
     */
    public static Duration parse(String text) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = SYNTAX.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("not a valid duration string: \"" + text + "\"");
        }
        long millis = 0;
        for (int i = 0; i < UNIT_MILLIS.length; i++) {
            String group = m.group(i + 1);
            if (group != null) {
                millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(group), UNIT_MILLIS[i]));
            }
        }
        return Duration.ofMillis(millis);
    }

    /** As Prometheus prints one: {@code 1m30s}, {@code 15s}, {@code 0s}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        String[] units = {"y", "w", "d", "h", "m", "s", "ms"};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < UNIT_MILLIS.length; i++) {
            if (ms >= UNIT_MILLIS[i]) {
                out.append(ms / UNIT_MILLIS[i]).append(units[i]);
                ms %= UNIT_MILLIS[i];
            }
        }
        return out.toString();
    }
}
