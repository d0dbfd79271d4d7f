package dev.vigil.alerting.am.notify;

import dev.vigil.model.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a flush of one aggregation group carries through the pipeline (Alertmanager's context
 * values): the group key and labels, the receiver, the route's repeat interval and time
 * intervals, the flush's instant and the deadline by which retries must give up.
 */
public record NotifyContext(String groupKey, Labels groupLabels, String receiver, Duration repeatInterval,
                            List<String> muteTimeIntervals, List<String> activeTimeIntervals, Instant now,
                            Instant deadline) {
    public NotifyContext {
        muteTimeIntervals = List.copyOf(muteTimeIntervals);
        activeTimeIntervals = List.copyOf(activeTimeIntervals);
    }
}
