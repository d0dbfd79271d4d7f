package dev.vigil.hub.am;

import dev.vigil.alerting.am.AlertStatus;
import dev.vigil.alerting.am.Alertmanager;
import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.am.dispatch.AlertGroup;
import dev.vigil.alerting.am.dispatch.Dispatcher;
import dev.vigil.alerting.am.labels.Matcher;
import dev.vigil.model.Labels;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET|POST /api/v2/alerts} and {@code GET /api/v2/alerts/groups} as Alertmanager 0.25
 * answers them. GET takes {@code filter} (repeatable), {@code receiver} (regex) and the booleans
 * {@code active}, {@code silenced}, {@code inhibited}, {@code unprocessed} (all true by default);
 * resolved alerts are never listed; alerts come sorted by fingerprint, groups by labels then
 * receiver.
 */
final class AlertsApi {
    private final Alertmanager am;

    AlertsApi(Alertmanager am) {
        this.am = am;
    }

    void routes(HttpRouting.Builder routing) {
        routing.get("/api/v2/alerts", this::list);
        routing.post("/api/v2/alerts", this::post);
        routing.get("/api/v2/alerts/groups", this::groups);
    }

    /** What a GET asks for. */
    private record Query(List<Matcher> filter, Pattern receiver, boolean active, boolean silenced,
                         boolean inhibited, boolean unprocessed) {
        static Query of(ServerRequest req) throws AmFilters.BadFilter {
            Map<String, List<String>> q = AmHttp.query(req);
            List<Matcher> filter = AmFilters.matchers(q.get("filter"));
            Pattern receiver = AmFilters.receiver(AmHttp.first(q, "receiver"));
            return new Query(filter, receiver, AmHttp.bool(q, "active", true), AmHttp.bool(q, "silenced", true),
                    AmHttp.bool(q, "inhibited", true), AmHttp.bool(q, "unprocessed", true));
        }

        boolean anyReceiver(List<String> receivers) {
            return receiver == null || receivers.stream().anyMatch(r -> receiver.matcher(r).matches());
        }
    }

    /** {@code alertFilter}: not resolved, its status allowed by the booleans, its labels matching. */
    private AlertStatus accept(Query q, AmAlert a, Instant now) {
        if (!a.endsAt().equals(AmAlert.ZERO) && a.endsAt().isBefore(now)) {
            return null;
        }
        AlertStatus status = am.status(a.labels());
        if (!q.active() && status.state().equals("active")) {
            return null;
        }
        if (!q.unprocessed() && status.state().equals("unprocessed")) {
            return null;
        }
        if (!q.silenced() && !status.silencedBy().isEmpty()) {
            return null;
        }
        if (!q.inhibited() && !status.inhibitedBy().isEmpty()) {
            return null;
        }
        return AmFilters.matches(q.filter(), a.labels()) ? status : null;
    }

    private void list(ServerRequest req, ServerResponse res) {
        Query q;
        try {
            q = Query.of(req);
        } catch (AmFilters.BadFilter e) {
            AmHttp.error(res, 400, e.getMessage());
            return;
        }
        Instant now = am.scheduler().now();
        record Listed(AmAlert alert, AlertStatus status, List<String> receivers) {
        }
        List<Listed> out = new ArrayList<>();
        for (AmAlert a : am.alerts().list()) {
            List<String> receivers = am.receivers(a.labels());
            if (!q.anyReceiver(receivers)) {
                continue;
            }
            AlertStatus status = accept(q, a, now);
            if (status != null) {
                out.add(new Listed(a, status, receivers));
            }
        }
        out.sort(Comparator.comparing(l -> l.alert().fingerprintString()));
        AmHttp.ok(res, g -> {
            g.writeStartArray();
            for (Listed l : out) {
                AmJson.alert(g, l.alert(), l.status(), l.receivers());
            }
            g.writeEndArray();
        });
    }

    private void groups(ServerRequest req, ServerResponse res) {
        Query q;
        try {
            q = Query.of(req);
        } catch (AmFilters.BadFilter e) {
            AmHttp.error(res, 400, e.getMessage());
            return;
        }
        Map<Long, AlertStatus> statuses = new LinkedHashMap<>();
        Dispatcher.Groups groups = am.dispatcher().groups(
                route -> q.receiver() == null || q.receiver().matcher(route.opts().receiver()).matches(),
                (a, now) -> {
                    AlertStatus s = accept(q, a, now);
                    if (s != null) {
                        synchronized (statuses) {
                            statuses.put(a.fingerprint(), s);
                        }
                    }
                    return s != null;
                });
        AmHttp.ok(res, g -> {
            g.writeStartArray();
            for (AlertGroup group : groups.groups()) {
                g.writeStartObject();
                g.writeArrayFieldStart("alerts");
                for (AmAlert a : group.alerts()) {
                    AmJson.alert(g, a, statuses.get(a.fingerprint()),
                            groups.receivers().getOrDefault(a.fingerprint(), List.of()));
                }
                g.writeEndArray();
                AmJson.labels(g, "labels", group.labels());
                g.writeFieldName("receiver");
                AmJson.receiver(g, group.receiver());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    private void post(ServerRequest req, ServerResponse res) {
        List<AmAlert> alerts;
        try {
            alerts = PostableAlerts.read(AmHttp.body(req));
        } catch (AmHttp.Refused r) {
            AmHttp.refused(res, r);
            return;
        }
        List<String> errors = am.receive(alerts);
        if (!errors.isEmpty()) {
            AmHttp.error(res, 400, String.join("; ", errors));
            return;
        }
        res.status(200).send();
    }

    /** An alert's labels as posted; empty values are dropped later by {@link Alertmanager#receive}. */
    static Labels labels(Map<String, String> map) {
        Labels.Builder b = Labels.builder();
        map.forEach(b::set);
        return b.build();
    }
}
