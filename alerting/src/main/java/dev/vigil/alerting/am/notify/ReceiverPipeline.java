package dev.vigil.alerting.am.notify;

import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.am.clock.Scheduler;
import dev.vigil.alerting.am.nflog.NotificationLog;
import dev.vigil.alerting.am.nflog.ReceiverKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * One receiver's pipeline, as Alertmanager 0.25 builds it: inhibition, active and mute time
 * intervals, silences; then, for each integration in parallel, dedup against the notification
 * log, send with retries, and record. A receiver without integrations succeeds quietly.
 */
public final class ReceiverPipeline {
    private final List<Stage> common;
    private final List<List<Stage>> branches = new ArrayList<>();

    public ReceiverPipeline(String receiver, List<Stage> muteStages, List<Integration> integrations,
            NotificationLog log, Scheduler scheduler, DeliveryLog deliveries, Supplier<Backoff> backoff) {
        this.common = List.copyOf(muteStages);
        for (Integration i : integrations) {
            ReceiverKey key = new ReceiverKey(receiver, i.name(), i.index());
            branches.add(List.of(new DedupStage(log, key, i.sendResolved()),
                    new RetryStage(i, scheduler, deliveries, backoff), new SetNotifiesStage(log, key)));
        }
    }

    /**
     * Runs the pipeline for one flush; returns when every integration that had something to send
     * delivered it (the group then forgets alerts that were resolved).
     *
     * @throws NotifyException naming each integration that failed
     */
    public void run(NotifyContext ctx, List<AmAlert> alerts) throws NotifyException {
        Flush shared = new Flush(ctx);
        for (Stage s : common) {
            alerts = s.exec(shared, alerts);
            if (alerts.isEmpty()) {
                return;
            }
        }
        List<AmAlert> input = alerts;
        if (branches.size() == 1) {
            runBranch(branches.get(0), ctx, input);
            return;
        }
        List<Future<Void>> running = new ArrayList<>();
        try (var exec = Executors.newVirtualThreadPerTaskExecutor()) {
            for (List<Stage> branch : branches) {
                Callable<Void> c = () -> {
                    runBranch(branch, ctx, input);
                    return null;
                };
                running.add(exec.submit(c));
            }
        }
        List<String> errors = new ArrayList<>();
        boolean retryable = false;
        for (Future<Void> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                errors.add(e.getCause().getMessage());
                retryable |= e.getCause() instanceof NotifyException ne && ne.retryable();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotifyException("interrupted", true, e);
            }
        }
        if (!errors.isEmpty()) {
            throw new NotifyException(String.join("; ", errors), retryable);
        }
    }

    private static void runBranch(List<Stage> branch, NotifyContext ctx, List<AmAlert> alerts)
            throws NotifyException {
        Flush flush = new Flush(ctx);
        for (Stage s : branch) {
            alerts = s.exec(flush, alerts);
            if (alerts.isEmpty()) {
                return;
            }
        }
    }
}
