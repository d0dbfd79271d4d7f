package dev.vigil.promql.engine;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The date functions' view of a unix time, as Go's {@code time.Unix(s, 0).UTC()} gives it. Go
 * wraps times beyond its range rather than failing: NaN and infinities arrive here as the minimum
 * int64 (see {@link GoMath#toInt64}), which Go shows as 15:30 on 4 December of year 292277026596,
 * a Sunday; that instant is answered as Go answers it. Other times beyond Java's range are
 * clamped to it.
 */
final class GoTime {
    /** One date part of a unix time. */
    @FunctionalInterface
    interface Part {
        double of(long unixSeconds);
    }

    private static final long GO_WRAPPED = Long.MIN_VALUE;

    private GoTime() {
    }

    private static ZonedDateTime utc(long seconds) {
        long clamped = Math.max(Instant.MIN.getEpochSecond(), Math.min(Instant.MAX.getEpochSecond(), seconds));
        return Instant.ofEpochSecond(clamped).atZone(ZoneOffset.UTC);
    }

    static double year(long s) {
        return s == GO_WRAPPED ? 292277026596.0 : utc(s).getYear();
    }

    static double month(long s) {
        return s == GO_WRAPPED ? 12 : utc(s).getMonthValue();
    }

    static double dayOfMonth(long s) {
        return s == GO_WRAPPED ? 4 : utc(s).getDayOfMonth();
    }

    static double dayOfWeek(long s) {
        return s == GO_WRAPPED ? 0 : utc(s).getDayOfWeek().getValue() % 7;
    }

    static double dayOfYear(long s) {
        return s == GO_WRAPPED ? 339 : utc(s).getDayOfYear();
    }

    static double daysInMonth(long s) {
        return s == GO_WRAPPED ? 31 : utc(s).toLocalDate().lengthOfMonth();
    }

    static double hour(long s) {
        return s == GO_WRAPPED ? 15 : utc(s).getHour();
    }

    static double minute(long s) {
        return s == GO_WRAPPED ? 30 : utc(s).getMinute();
    }
}
