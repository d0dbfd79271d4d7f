package dev.vigil.alerting.am.config;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A named time interval: the instant is inside when any of its {@link Period}s contains it
 * (Alertmanager's {@code timeinterval.TimeInterval} list semantics).
 */
public record TimeInterval(String name, List<Period> periods) {
    public TimeInterval {
        periods = List.copyOf(periods);
    }

    public boolean contains(Instant t) {
        for (Period p : periods) {
            if (p.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /** An inclusive range of integers ({@code monday:friday} is 1..5; days of month may be negative). */
    public record Range(int begin, int end) {
        boolean contains(int v) {
            return v >= begin && v <= end;
        }
    }

    /** Minutes since midnight, start inclusive, end exclusive (as Alertmanager's {@code times}). */
    public record Times(int startMinute, int endMinute) {
    }

    /**
     * One entry of {@code time_intervals}: every non-empty field must hold. Weekdays run 0 (Sunday) to 6,
     * months 1..12, negative days of month count from the month's end.
     */
    public record Period(List<Times> times, List<Range> weekdays, List<Range> daysOfMonth, List<Range> months,
                         List<Range> years, ZoneId location) {
        public boolean contains(Instant instant) {
            ZonedDateTime t = instant.atZone(location);
            if (!times.isEmpty()) {
                int minute = t.getHour() * 60 + t.getMinute();
                if (times.stream().noneMatch(r -> minute >= r.startMinute() && minute < r.endMinute())) {
                    return false;
                }
            }
            int weekday = t.getDayOfWeek().getValue() % 7;
            if (!weekdays.isEmpty() && weekdays.stream().noneMatch(r -> r.contains(weekday))) {
                return false;
            }
            if (!daysOfMonth.isEmpty() && !inDaysOfMonth(t)) {
                return false;
            }
            if (!months.isEmpty() && months.stream().noneMatch(r -> r.contains(t.getMonthValue()))) {
                return false;
            }
            return years.isEmpty() || years.stream().anyMatch(r -> r.contains(t.getYear()));
        }

        private boolean inDaysOfMonth(ZonedDateTime t) {
            int length = t.toLocalDate().lengthOfMonth();
            for (Range r : daysOfMonth) {
                int begin = r.begin() < 0 ? length + r.begin() + 1 : r.begin();
                int end = r.end() < 0 ? length + r.end() + 1 : r.end();
                begin = Math.max(begin, 1);
                end = Math.min(end, length);
                if (t.getDayOfMonth() >= begin && t.getDayOfMonth() <= end) {
                    return true;
                }
            }
            return false;
        }
    }
}
