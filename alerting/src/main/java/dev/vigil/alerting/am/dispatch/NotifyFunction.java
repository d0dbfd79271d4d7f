package dev.vigil.alerting.am.dispatch;

import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.am.notify.NotifyContext;
import java.util.List;

/** What an aggregation group calls on each flush; true when the notification went through. */
@FunctionalInterface
public interface NotifyFunction {
    boolean notify(NotifyContext ctx, List<AmAlert> alerts);
}
