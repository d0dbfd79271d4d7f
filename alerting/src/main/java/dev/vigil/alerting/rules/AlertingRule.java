package dev.vigil.alerting.rules;

import dev.vigil.model.Labels;
import dev.vigil.model.StaleMarker;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.value.Sample;
import dev.vigil.storage.Querier;
import dev.vigil.storage.SampleIterator;
import dev.vigil.storage.Series;
import dev.vigil.storage.index.Matcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code alert: name}, Prometheus 2.42's {@code AlertingRule}: each sample of the expression is an
 * alert keyed by its labels (the sample's minus {@code __name__}, plus the rule's expanded labels
 * and {@code alertname}); pending until it has been active for {@code for}, then firing; kept
 * firing for {@code keep_firing_for} after it stops; resolved alerts are reported for 15 minutes.
 * Writes {@code ALERTS} and {@code ALERTS_FOR_STATE} once its state was restored.
 */
public final class AlertingRule extends Rule {
    static final long RESOLVED_RETENTION = 15 * 60_000;

    private final long holdMillis;
    private final long keepFiringForMillis;
    private final Map<String, String> labels;
    private final Map<String, String> annotations;
    private final Map<Labels, Alert> active = new ConcurrentHashMap<>();
    private volatile boolean restored;

    AlertingRule(String name, Expr expr, long holdMillis, long keepFiringForMillis, Map<String, String> labels,
            Map<String, String> annotations) {
        super(name, expr);
        this.holdMillis = holdMillis;
        this.keepFiringForMillis = keepFiringForMillis;
        this.labels = labels;
        this.annotations = new TreeMap<>(annotations);
    }

    public long holdMillis() {
        return holdMillis;
    }

    public long keepFiringForMillis() {
        return keepFiringForMillis;
    }

    public Map<String, String> labels() {
        return labels;
    }

    public Map<String, String> annotations() {
        return annotations;
    }

    /** Pending and firing alerts (not the resolved ones kept for sending), sorted by labels. */
    public List<Alert> activeAlerts() {
        List<Alert> out = new ArrayList<>();
        for (Alert a : active.values()) {
            if (a.state != Alert.State.INACTIVE) {
                out.add(a);
            }
        }
        out.sort((x, y) -> x.labels.compareTo(y.labels));
        return out;
    }

    /** "firing" when any alert fires, else "pending" when any is pending, else "inactive". */
    public Alert.State state() {
        Alert.State max = Alert.State.INACTIVE;
        for (Alert a : active.values()) {
            if (a.state.ordinal() > max.ordinal()) {
                max = a.state;
            }
        }
        return max;
    }

    void setRestored(boolean value) {
        restored = value;
    }

    /** Takes the alerts (with their state) of the rule this one replaces on a reload. */
    void inheritFrom(AlertingRule old) {
        active.putAll(old.active);
        restored = old.restored;
    }

    @Override
    List<Sample> eval(long ts, RuleContext ctx, long limit) {
        Map<Labels, Alert> current = new LinkedHashMap<>();
        for (Sample s : ctx.query().query(expr(), ts)) {
            Labels.Builder b = s.metric().toBuilder().remove(Labels.METRIC_NAME);
            for (Map.Entry<String, String> l : labels.entrySet()) {
                b.set(l.getKey(), ctx.templates().expand(ctx, name(), l.getValue(), s.metric(), s.v(), ts));
            }
            b.set("alertname", name());
            Map<String, String> expanded = new TreeMap<>();
            for (Map.Entry<String, String> a : annotations.entrySet()) {
                expanded.put(a.getKey(), ctx.templates().expand(ctx, name(), a.getValue(), s.metric(), s.v(), ts));
            }
            Labels key = b.build();
            if (current.containsKey(key)) {
                throw new RuleException("vector contains metrics with the same labelset after applying alert labels");
            }
            current.put(key, new Alert(key, expanded, ts, s.v()));
        }
        for (Map.Entry<Labels, Alert> e : current.entrySet()) {
            Alert known = active.get(e.getKey());
            if (known != null && known.state != Alert.State.INACTIVE) {
                known.value = e.getValue().value;
                known.annotations = e.getValue().annotations;
                continue;
            }
            active.put(e.getKey(), e.getValue());
        }
        List<Sample> out = new ArrayList<>();
        int activePending = 0;
        for (Map.Entry<Labels, Alert> e : new ArrayList<>(active.entrySet())) {
            Alert a = e.getValue();
            if (!current.containsKey(e.getKey())) {
                boolean keepFiring = false;
                if (a.state == Alert.State.FIRING && keepFiringForMillis > 0) {
                    if (a.keepFiringSince == 0) {
                        a.keepFiringSince = ts;
                    }
                    keepFiring = ts - a.keepFiringSince < keepFiringForMillis;
                }
                if (a.state == Alert.State.PENDING || (a.resolvedAt != 0 && ts - a.resolvedAt > RESOLVED_RETENTION)) {
                    active.remove(e.getKey());
                }
                if (a.state != Alert.State.INACTIVE && !keepFiring) {
                    a.state = Alert.State.INACTIVE;
                    a.resolvedAt = ts;
                }
                if (!keepFiring) {
                    continue;
                }
            } else {
                a.keepFiringSince = 0;
            }
            activePending++;
            if (a.state == Alert.State.PENDING && ts - a.activeAt >= holdMillis) {
                a.state = Alert.State.FIRING;
                a.firedAt = ts;
            }
            if (restored) {
                out.add(new Sample(alertsSeries(a), ts, 1));
                out.add(new Sample(forStateSeries(a), ts, Math.floorDiv(a.activeAt, 1000)));
            }
        }
        if (limit > 0 && activePending > limit) {
            active.clear();
            throw new RuleException("exceeded limit of " + limit + " with " + activePending + " alerts");
        }
        return out;
    }

    private Labels alertsSeries(Alert a) {
        return a.labels.toBuilder().set(Labels.METRIC_NAME, "ALERTS").set("alertname", name())
                .set("alertstate", a.state.text()).build();
    }

    private Labels forStateSeries(Alert a) {
        return a.labels.toBuilder().set(Labels.METRIC_NAME, "ALERTS_FOR_STATE").set("alertname", name()).build();
    }

    /** Alerts due to be sent at {@code ts}, with Prometheus' start and end times. */
    List<AlertSink.SentAlert> toSend(long ts, long resendDelay, long interval) {
        List<AlertSink.SentAlert> out = new ArrayList<>();
        for (Alert a : active.values()) {
            if (!a.needsSending(ts, resendDelay)) {
                continue;
            }
            a.lastSentAt = ts;
            // Valid for two missed evaluations or sends, as Prometheus allows.
            a.validUntil = ts + 4 * Math.max(resendDelay, interval);
            long endsAt = a.resolvedAt != 0 ? a.resolvedAt : a.validUntil;
            out.add(new AlertSink.SentAlert(a.labels, a.annotations, a.firedAt, endsAt));
        }
        return out;
    }

    /**
     * Prometheus' {@code RestoreForState} for this rule: each active alert takes its
     * {@code activeAt} from the newest {@code ALERTS_FOR_STATE} sample before the restart, moved
     * forward by the downtime (or to fire no sooner than the grace period from now).
     */
    void restore(long ts, RuleContext ctx) {
        if (holdMillis < ctx.forGracePeriodMillis()) {
            restored = true;
            return;
        }
        long mint = ts - ctx.outageToleranceMillis();
        try (Querier q = ctx.query().storage().querier(mint, ts)) {
            for (Alert a : active.values()) {
                List<Matcher> matchers = new ArrayList<>();
                Labels series = forStateSeries(a);
                for (int i = 0; i < series.size(); i++) {
                    matchers.add(Matcher.equal(series.name(i), series.value(i)));
                }
                List<Series> found = q.select(matchers);
                if (found.isEmpty()) {
                    continue;
                }
                long t = 0;
                double v = Double.NaN;
                boolean any = false;
                SampleIterator it = found.get(0).iterator();
                while (it.next()) {
                    t = it.timestamp();
                    v = it.value();
                    any = true;
                }
                if (!any || StaleMarker.is(v)) {
                    continue;
                }
                long downAt = Math.floorDiv(t, 1000) * 1000;
                long restoredActiveAt = (long) v * 1000;
                long remaining = holdMillis - (downAt - restoredActiveAt);
                if (remaining <= 0) {
                    // It was firing when the hub went down; the next evaluation fires it again.
                } else if (remaining < ctx.forGracePeriodMillis()) {
                    restoredActiveAt = ts + ctx.forGracePeriodMillis() - holdMillis;
                } else {
                    restoredActiveAt += ts - downAt;
                }
                a.activeAt = restoredActiveAt;
            }
        }
        restored = true;
    }

    /** Labels of alerts in any state, for tests and reloads. */
    Set<Labels> keys() {
        return new HashSet<>(active.keySet());
    }

    Map<Labels, Alert> snapshot() {
        return new HashMap<>(active);
    }
}
