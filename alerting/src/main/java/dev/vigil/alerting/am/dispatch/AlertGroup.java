package dev.vigil.alerting.am.dispatch;

import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.model.Labels;
import java.util.List;

/** An aggregation group as the API shows it: its labels, receiver, key and (filtered, sorted) alerts. */
public record AlertGroup(Labels labels, String receiver, String groupKey, List<AmAlert> alerts) {
    public AlertGroup {
        alerts = List.copyOf(alerts);
    }
}
