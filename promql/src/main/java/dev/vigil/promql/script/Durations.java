package dev.vigil.promql.script;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus' duration notation ({@code model.ParseDuration}): units y w d h m s ms, each at most
 * once and in that order ({@code 1h30m}), a year being 365 days; or a bare {@code 0}.
 */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile(
            "(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final long[] UNIT_MILLIS = {365L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000,
            1_000, 1};
    private static final String[] UNIT_NAMES = {"y", "w", "d", "h", "m", "s", "ms"};

    private Durations() {
    }

    /**
     * Milliseconds of a duration.
     *
     * @throws IllegalArgumentException when it is not one
     */
    public static long parse(String text) {
        if (text.equals("0")) {
            return 0;
        }
        Matcher m = DURATION.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("not a valid duration string: \"" + text + "\"");
        }
        long millis = 0;
        for (int i = 0; i < UNIT_MILLIS.length; i++) {
            if (m.group(i + 1) != null) {
                millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(m.group(i + 1)), UNIT_MILLIS[i]));
            }
        }
        return millis;
    }

    /** The shortest form {@link #parse} reads back ({@code 0s}, {@code 1h30m}, {@code 1500ms} as {@code 1s500ms}). */
    public static String format(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("negative duration " + millis);
        }
        if (millis == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long rest = millis;
        for (int i = 0; i < UNIT_MILLIS.length; i++) {
            if (rest >= UNIT_MILLIS[i]) {
                out.append(rest / UNIT_MILLIS[i]).append(UNIT_NAMES[i]);
                rest %= UNIT_MILLIS[i];
            }
        }
        return out.toString();
    }
}
