package dev.vigil.alerting.am.notify;

import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.am.nflog.LogEntry;
import dev.vigil.alerting.am.nflog.NotificationLog;
import dev.vigil.alerting.am.nflog.ReceiverKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Alertmanager's {@code DedupStage}: passes the alerts on only when the integration must hear about
 * them: the first notification of a group with firing alerts, a new firing alert, all alerts now
 * resolved (when the last notification had firing ones), a newly resolved one with
 * {@code send_resolved}, or the repeat interval passed since the last notification.
 */
public final class DedupStage implements Stage {
    private final NotificationLog log;
    private final ReceiverKey receiver;
    private final boolean sendResolved;

    public DedupStage(NotificationLog log, ReceiverKey receiver, boolean sendResolved) {
        this.log = log;
        this.receiver = receiver;
        this.sendResolved = sendResolved;
    }

    @Override
    public List<AmAlert> exec(Flush flush, List<AmAlert> alerts) {
        NotifyContext ctx = flush.ctx();
        Set<Long> firing = new HashSet<>();
        Set<Long> resolved = new HashSet<>();
        for (AmAlert a : alerts) {
            (a.resolvedAt(ctx.now()) ? resolved : firing).add(a.fingerprint());
        }
        flush.setAlerts(firing, resolved);
        LogEntry entry = log.query(ctx.groupKey(), receiver).orElse(null);
        return needsUpdate(entry, firing, resolved, ctx) ? alerts : List.of();
    }

    private boolean needsUpdate(LogEntry entry, Set<Long> firing, Set<Long> resolved, NotifyContext ctx) {
        if (entry == null) {
            return !firing.isEmpty();
        }
        if (!entry.isFiringSubset(firing)) {
            return true;
        }
        if (firing.isEmpty()) {
            // All resolved: tell the receiver only if it was told some fired (regardless of
            // send_resolved, so the log forgets them).
            return !entry.firing().isEmpty();
        }
        if (sendResolved && !entry.isResolvedSubset(resolved)) {
            return true;
        }
        return entry.timestamp().isBefore(ctx.now().minus(ctx.repeatInterval()));
    }
}
