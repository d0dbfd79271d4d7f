package dev.vigil.alerting.am.notify;

import dev.vigil.alerting.am.alert.AmAlert;
import java.util.List;

/**
 * One step of the notification pipeline (Alertmanager's {@code notify.Stage}): takes a flush's
 * alerts and passes on those that go further. An empty result ends the pipeline quietly; an
 * exception ends it as a failure.
 */
@FunctionalInterface
public interface Stage {
    List<AmAlert> exec(Flush flush, List<AmAlert> alerts) throws NotifyException;
}
