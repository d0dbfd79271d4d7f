package dev.vigil.hub.notifier;

import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.rules.AlertSink;
import dev.vigil.exporter.log.Log;
import dev.vigil.hub.config.AlertingConfig;
import dev.vigil.hub.config.HubConfig;
import dev.vigil.model.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Hands rule alerts to the hub's built-in Alertmanager in-process, as Prometheus' notifier would
 * POST them to an external one: start as the rule set it, end the resolve time or the "valid
 * until" time, the generator URL, the external labels the alert lacks and
 * {@code alert_relabel_configs} applied. The Alertmanager then receives them as
 * {@code POST /api/v2/alerts} does.
 */
public final class LocalAlertmanagerSink implements AlertSink {
    private static final Log LOG = Log.get(LocalAlertmanagerSink.class);

    private final Function<List<AmAlert>, List<String>> receive;
    private volatile Labels externalLabels = Labels.EMPTY;
    private volatile AlertingConfig alerting = AlertingConfig.NONE;

    /** @param receive stores alerts and returns the errors of those it refused */
    public LocalAlertmanagerSink(Function<List<AmAlert>, List<String>> receive) {
        this.receive = receive;
    }

    /** Takes the config's external labels and alert relabeling. */
    public void apply(HubConfig config) {
        externalLabels = config.global().externalLabels();
        alerting = config.alerting();
    }

    @Override
    public void send(String generatorURL, List<SentAlert> alerts) {
        Labels ext = externalLabels;
        AlertingConfig config = alerting;
        List<AmAlert> out = new ArrayList<>(alerts.size());
        for (SentAlert a : alerts) {
            Labels labels = Notifier.outgoing(a.labels(), ext, config);
            if (labels == null) {
                continue;
            }
            out.add(new AmAlert(labels, a.annotations(), time(a.startsAt()), time(a.endsAt()), generatorURL, null,
                    false));
        }
        if (out.isEmpty()) {
            return;
        }
        List<String> errors = receive.apply(out);
        if (!errors.isEmpty()) {
            LOG.warn("Built-in Alertmanager refused alerts", "count", errors.size(), "err", String.join("; ", errors));
        }
    }

    private static Instant time(long millis) {
        return millis == 0 ? AmAlert.ZERO : Instant.ofEpochMilli(millis);
    }
}
