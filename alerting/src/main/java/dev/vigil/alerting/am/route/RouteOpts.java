package dev.vigil.alerting.am.route;

import java.time.Duration;
import java.util.List;
import java.util.SortedSet;

/**
 * The options in force at a route after inheritance. Receiver, grouping and the three timers are
 * inherited; time intervals are not (Alertmanager takes them from the route itself).
 */
public record RouteOpts(String receiver, SortedSet<String> groupBy, boolean groupByAll, Duration groupWait,
                        Duration groupInterval, Duration repeatInterval, List<String> muteTimeIntervals,
                        List<String> activeTimeIntervals) {
    public static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);

    public RouteOpts {
        groupBy = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(groupBy));
        muteTimeIntervals = List.copyOf(muteTimeIntervals);
        activeTimeIntervals = List.copyOf(activeTimeIntervals);
    }
}
