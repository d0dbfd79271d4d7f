package dev.vigil.alerting.am.notify;

import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.am.clock.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Alertmanager's {@code RetryStage}: sends through the integration, retrying failures that may
 * pass with backoff until the flush's deadline (the group interval). Without
 * {@code send_resolved}, resolved alerts are left out, and a flush of only resolved alerts counts
 * as sent (so the log still forgets them). Every attempt goes to the delivery log.
 */
public final class RetryStage implements Stage {
    private static final Logger LOG = Logger.getLogger(RetryStage.class.getName());

    private final Integration integration;
    private final Scheduler scheduler;
    private final DeliveryLog deliveries;
    private final Supplier<Backoff> backoff;

    public RetryStage(Integration integration, Scheduler scheduler, DeliveryLog deliveries,
            Supplier<Backoff> backoff) {
        this.integration = integration;
        this.scheduler = scheduler;
        this.deliveries = deliveries;
        this.backoff = backoff;
    }

    @Override
    public List<AmAlert> exec(Flush flush, List<AmAlert> alerts) throws NotifyException {
        NotifyContext ctx = flush.ctx();
        List<AmAlert> sent = alerts;
        if (!integration.sendResolved()) {
            if (flush.firing().isEmpty()) {
                return alerts;
            }
            sent = new ArrayList<>();
            for (AmAlert a : alerts) {
                if (!a.resolvedAt(ctx.now())) {
                    sent.add(a);
                }
            }
        }
        String name = ctx.receiver() + "/" + integration.describe();
        Backoff b = backoff.get();
        NotifyException last = null;
        for (int attempt = 1; ; attempt++) {
            try {
                integration.notify(ctx, sent);
                record(ctx, sent.size(), attempt, DeliveryLog.Outcome.SENT, "");
                if (attempt > 1) {
                    LOG.info("Notify success: " + name + " after " + attempt + " attempts");
                }
                return alerts;
            } catch (NotifyException e) {
                boolean retry = e.retryable();
                Instant now = scheduler.now();
                Duration wait = retry ? b.next() : Duration.ZERO;
                boolean giveUp = !retry || !now.plus(wait).isBefore(ctx.deadline());
                record(ctx, sent.size(), attempt, giveUp ? DeliveryLog.Outcome.FAILED : DeliveryLog.Outcome.RETRYING,
                        e.getMessage());
                if (giveUp) {
                    String why = retry ? "notify retry canceled after " + attempt + " attempts"
                            : "notify retry canceled due to unrecoverable error after " + attempt + " attempts";
                    throw new NotifyException(name + ": " + why + ": " + e.getMessage(), retry, e);
                }
                if (last == null || !last.getMessage().equals(e.getMessage())) {
                    LOG.log(Level.WARNING, "Notify attempt failed, will retry later: " + name + " attempt "
                            + attempt + ": " + e.getMessage());
                }
                last = e;
                try {
                    scheduler.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new NotifyException(name + ": notify retry canceled after " + attempt + " attempts: "
                            + e.getMessage(), true, e);
                }
            }
        }
    }

    private void record(NotifyContext ctx, int count, int attempt, DeliveryLog.Outcome outcome, String error) {
        deliveries.add(new DeliveryLog.Entry(scheduler.now(), ctx.receiver(), integration.describe(), ctx.groupKey(),
                count, attempt, outcome, error));
    }
}
