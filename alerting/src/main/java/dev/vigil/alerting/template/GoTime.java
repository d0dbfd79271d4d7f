package dev.vigil.alerting.template;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A Go {@code time.Time} in UTC as templates see it: printing gives Go's {@code String()},
 * {@code 2023-03-16 20:53:20.122 +0000 UTC} (fraction without trailing zeros); {@code .Unix}
 * gives seconds.
 */
public record GoTime(Instant instant) {
    private static final DateTimeFormatter BASE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    /** Go's {@code model.TimeFromUnixNano(int64(v*1e9))}: the float's seconds, truncated to milliseconds. */
    static GoTime ofSeconds(double v) {
        long nanos = (long) (v * 1e9);
        return new GoTime(Instant.ofEpochMilli(Math.floorDiv(nanos, 1_000_000L)));
    }

    /** Go's {@code Format}, e.g. {@code .StartsAt.Format "2006-01-02 15:04:05"}. */
    public String Format(String layout) {
        return GoTimeLayout.format(instant.atZone(ZoneOffset.UTC), layout);
    }

    /** Go's {@code UTC} and {@code Local}: alert times are shown in UTC either way. */
    public GoTime UTC() {
        return this;
    }

    public GoTime Local() {
        return this;
    }

    public long Unix() {
        return instant.getEpochSecond();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(BASE.format(instant));
        int nano = instant.getNano();
        if (nano != 0) {
            String frac = String.format("%09d", nano).replaceAll("0+$", "");
            out.append('.').append(frac);
        }
        return out.append(" +0000 UTC").toString();
    }
}
