package dev.vigil.alerting.am.notify;

import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.am.nflog.NotificationLog;
import dev.vigil.alerting.am.nflog.ReceiverKey;
import java.util.List;

/** Alertmanager's {@code SetNotifiesStage}: records a delivered notification in the log. */
public final class SetNotifiesStage implements Stage {
    private final NotificationLog log;
    private final ReceiverKey receiver;

    public SetNotifiesStage(NotificationLog log, ReceiverKey receiver) {
        this.log = log;
        this.receiver = receiver;
    }

    @Override
    public List<AmAlert> exec(Flush flush, List<AmAlert> alerts) {
        log.log(receiver, flush.ctx().groupKey(), flush.firing(), flush.resolved(), flush.ctx().now());
        return alerts;
    }
}
