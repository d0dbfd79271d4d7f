package dev.vigil.alerting.am.notify;

import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.am.config.TimeInterval;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Alertmanager's {@code TimeMuteStage} and {@code TimeActiveStage}: at the flush's instant, a
 * route's {@code mute_time_intervals} silence the whole notification, and so does being outside
 * all of its {@code active_time_intervals} (when it names any).
 */
public final class TimeIntervalStage implements Stage {
    private final Map<String, TimeInterval> intervals;
    private final boolean active;

    private TimeIntervalStage(Map<String, TimeInterval> intervals, boolean active) {
        this.intervals = Map.copyOf(intervals);
        this.active = active;
    }

    public static TimeIntervalStage mute(Map<String, TimeInterval> intervals) {
        return new TimeIntervalStage(intervals, false);
    }

    public static TimeIntervalStage active(Map<String, TimeInterval> intervals) {
        return new TimeIntervalStage(intervals, true);
    }

    @Override
    public List<AmAlert> exec(Flush flush, List<AmAlert> alerts) {
        NotifyContext ctx = flush.ctx();
        List<String> names = active ? ctx.activeTimeIntervals() : ctx.muteTimeIntervals();
        if (names.isEmpty()) {
            return alerts;
        }
        boolean inside = inAny(names, ctx.now());
        return inside == active ? alerts : List.of();
    }

    private boolean inAny(List<String> names, Instant t) {
        for (String name : names) {
            TimeInterval ti = intervals.get(name);
            if (ti != null && ti.contains(t)) {
                return true;
            }
        }
        return false;
    }
}
