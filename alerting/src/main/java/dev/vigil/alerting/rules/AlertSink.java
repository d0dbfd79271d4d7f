package dev.vigil.alerting.rules;

import java.util.List;

/**
 * Where firing and resolved alerts go after each evaluation (the hub's own dispatcher, or
 * Alertmanagers named in {@code alerting:}): Prometheus' {@code NotifyFunc}.
 */
@FunctionalInterface
public interface AlertSink {
    /**
     * @param generatorURL link back to the rule's expression
     * @param alerts alerts to send now, with {@code startsAt}/{@code endsAt} already decided
     */
    void send(String generatorURL, List<SentAlert> alerts);

    /** An alert as it is sent: labels, annotations, start, end (ms). */
    record SentAlert(dev.vigil.model.Labels labels, java.util.Map<String, String> annotations, long startsAt,
            long endsAt) {
    }
}
