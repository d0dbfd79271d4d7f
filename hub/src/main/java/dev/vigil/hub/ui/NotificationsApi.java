package dev.vigil.hub.ui;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.alerting.am.Alertmanager;
import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.am.config.Receiver;
import dev.vigil.alerting.am.notify.DeliveryLog;
import dev.vigil.alerting.am.notify.Integration;
import dev.vigil.alerting.am.notify.NotifyContext;
import dev.vigil.alerting.am.notify.NotifyException;
import dev.vigil.hub.web.Json;
import dev.vigil.model.Labels;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The built-in Alertmanager's delivery log ({@code GET /api/vigil/v1/notifications}, optionally
 * {@code ?receiver=}), and a test notification through one receiver's integrations
 * ({@code POST /api/vigil/v1/receivers/{name}/test}): one synthetic firing alert, sent directly
 * (not routed, not deduplicated, not retried), each integration's outcome recorded in the delivery
 * log. The role guard lets only admins post.
 */
final class NotificationsApi {
    /** The synthetic alert's name. */
    static final String TEST_ALERTNAME = "VigilTestNotification";
    /** The group key test notifications are sent and logged under. */
    static final String TEST_GROUP_KEY = "{}:{alertname=\"" + TEST_ALERTNAME + "\"}";
    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(30);
    private static final JsonFactory JSON = new JsonFactory();

    private final UiFacts facts;

    NotificationsApi(UiFacts facts) {
        this.facts = facts;
    }

    void routes(HttpRouting.Builder routing) {
        routing.get(VigilApi.PREFIX + "notifications", this::list);
        routing.post(VigilApi.PREFIX + "receivers/{name}/test", this::test);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Alertmanager am = facts.alertmanager().alertmanager();
        String receiver = req.query().first("receiver").orElse("");
        List<DeliveryLog.Entry> entries = receiver.isEmpty() ? am.deliveries().all() : am.deliveries().entries(receiver);
        List<String> receivers = am.config().receivers().stream().map(Receiver::name).toList();
        Json.success(res, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("receivers");
            for (String r : receivers) {
                g.writeStartObject();
                g.writeStringField("name", r);
                g.writeArrayFieldStart("integrations");
                for (Integration i : am.integrations(r)) {
                    g.writeString(i.describe());
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("entries");
            for (DeliveryLog.Entry e : entries) {
                writeEntry(g, e);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    static void writeEntry(JsonGenerator g, DeliveryLog.Entry e) throws IOException {
        g.writeStartObject();
        g.writeStringField("time", DateTimeFormatter.ISO_INSTANT.format(e.at()));
        g.writeStringField("receiver", e.receiver());
        g.writeStringField("integration", e.integration());
        g.writeStringField("groupKey", e.groupKey());
        g.writeNumberField("alerts", e.alerts());
        g.writeNumberField("attempt", e.attempt());
        g.writeStringField("outcome", e.outcome().toString());
        g.writeStringField("error", e.error());
        g.writeEndObject();
    }

    private void test(ServerRequest req, ServerResponse res) {
        Alertmanager am = facts.alertmanager().alertmanager();
        String name = req.path().pathParameters().first("name").orElse("");
        if (am.config().receivers().stream().noneMatch(r -> r.name().equals(name))) {
            error(res, Status.NOT_FOUND_404, "not_found", "no receiver named \"" + name + "\"");
            return;
        }
        List<Integration> integrations = am.integrations(name);
        if (integrations.isEmpty()) {
            error(res, Status.BAD_REQUEST_400, "bad_data", "receiver \"" + name + "\" has no integrations to send through");
            return;
        }
        String user = VigilApi.user(req.headers().first(HeaderNames.AUTHORIZATION).orElse(null));
        List<DeliveryLog.Entry> results = send(am, name, integrations, user);
        boolean sent = results.stream().allMatch(e -> e.outcome() == DeliveryLog.Outcome.SENT);
        Json.success(res, g -> {
            g.writeStartObject();
            g.writeStringField("receiver", name);
            g.writeBooleanField("sent", sent);
            g.writeArrayFieldStart("results");
            for (DeliveryLog.Entry e : results) {
                writeEntry(g, e);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** The synthetic firing alert of a test notification for {@code receiver}. */
    static AmAlert testAlert(String receiver, String user, String externalURL, Instant now) {
        Labels labels = Labels.of("alertname", TEST_ALERTNAME, "receiver", receiver);
        String by = user == null || user.isEmpty() ? "" : " by " + user;
        Map<String, String> annotations = Map.of("summary", "Test notification for receiver " + receiver
                + ", sent from the Vigil hub UI" + by + "; no action is needed.");
        return new AmAlert(labels, annotations, now, AmAlert.ZERO, externalURL, now, false);
    }

    /** Sends the test alert through every integration in parallel; each outcome is logged and returned. */
    static List<DeliveryLog.Entry> send(Alertmanager am, String receiver, List<Integration> integrations, String user) {
        Instant now = am.scheduler().now();
        AmAlert alert = testAlert(receiver, user, am.externalURL(), now);
        NotifyContext ctx = new NotifyContext(TEST_GROUP_KEY, Labels.of("alertname", TEST_ALERTNAME), receiver,
                Duration.ZERO, List.of(), List.of(), now, now.plus(TEST_TIMEOUT));
        List<Future<DeliveryLog.Entry>> running = new ArrayList<>();
        try (var exec = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Integration i : integrations) {
                running.add(exec.submit(() -> {
                    DeliveryLog.Entry e;
                    try {
                        i.notify(ctx, List.of(alert));
                        e = entry(am, receiver, i, DeliveryLog.Outcome.SENT, "");
                    } catch (NotifyException | RuntimeException ex) {
                        String why = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
                        e = entry(am, receiver, i, DeliveryLog.Outcome.FAILED, why);
                    }
                    am.deliveries().add(e);
                    return e;
                }));
            }
        }
        List<DeliveryLog.Entry> out = new ArrayList<>();
        for (Future<DeliveryLog.Entry> f : running) {
            try {
                out.add(f.get());
            } catch (ExecutionException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static DeliveryLog.Entry entry(Alertmanager am, String receiver, Integration i, DeliveryLog.Outcome outcome,
            String error) {
        return new DeliveryLog.Entry(am.scheduler().now(), receiver, i.describe(), TEST_GROUP_KEY, 1, 1, outcome, error);
    }

    private static void error(ServerResponse res, Status status, String type, String message) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("status", "error");
            g.writeStringField("errorType", type);
            g.writeStringField("error", message);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        res.status(status).header(HeaderNames.CONTENT_TYPE, "application/json").send(out.toString());
    }
}
