package dev.vigil.alerting.am.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.alerting.am.Alertmanager;
import dev.vigil.alerting.am.IntegrationFactory;
import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.am.clock.SystemScheduler;
import dev.vigil.alerting.am.config.ConfigLoader;
import dev.vigil.alerting.am.notify.Backoff;
import dev.vigil.alerting.am.notify.DeliveryLog;
import dev.vigil.model.Labels;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A webhook receiver that is down (connection refused) while alerts fire, then comes back: it
 * gets every notification, in order, once, and the delivery log shows the failed attempts.
 */
class ReceiverOutageTest {
    private static final Pattern ALERT = Pattern.compile(
            "\\{\"status\":\"(\\w+)\",\"labels\":\\{\"alertname\":\"Down\",\"instance\":\"(\\w)\"");

    @TempDir
    Path dir;

    private final List<String> received = new ArrayList<>();
    private HttpServer hook;
    private SystemScheduler scheduler;
    private Alertmanager am;

    @AfterEach
    void stop() {
        if (am != null) {
            am.close();
        }
        if (scheduler != null) {
            scheduler.close();
        }
        if (hook != null) {
            hook.stop(0);
        }
    }

    @Test
    void receiverBackAfterAnOutageGetsEverythingInOrderOnce() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String yaml = """
                route:
                  receiver: hook
                  group_by: [alertname]
                  group_wait: 1s
                  group_interval: 3s
                  repeat_interval: 1h
                receivers:
                  - name: hook
                    webhook_configs: [{url: 'http://127.0.0.1:%d/', send_resolved: true}]
                """.formatted(port);
        scheduler = new SystemScheduler("am-outage");
        am = Alertmanager.start(ConfigLoader.parse("am.yml", yaml, dir), dir, scheduler,
                IntegrationFactory.standard("http://hub:9090"),
                "http://hub:9090", () -> new Backoff(Duration.ofMillis(200), Duration.ofMillis(800)));
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        am.receive(List.of(alert("a", t0, null)));
        Thread.sleep(2_500);
        am.receive(List.of(alert("b", t0.plusMillis(2_500), null)));
        Thread.sleep(2_500);
        // Back after 5 s: the first flush's retries (deadline 10 s) now get through.
        hook = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        hook.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            List<String> alerts = new ArrayList<>();
            ALERT.matcher(body).results().forEach(m -> alerts.add(m.group(2) + ":" + m.group(1)));
            synchronized (received) {
                received.add(String.join(",", alerts));
            }
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        hook.start();
        Thread.sleep(2_500);
        am.receive(List.of(alert("a", t0, Instant.now())));
        Thread.sleep(6_000);
        synchronized (received) {
            assertEquals(List.of("a:firing", "a:firing,b:firing", "a:resolved,b:firing"), received);
        }
        List<DeliveryLog.Entry> log = am.deliveries().entries("hook");
        assertTrue(log.stream().anyMatch(e -> e.outcome() == DeliveryLog.Outcome.RETRYING
                && e.error().contains("connection refused")), log.toString());
        assertEquals(3, log.stream().filter(e -> e.outcome() == DeliveryLog.Outcome.SENT).count(), log.toString());
    }

    private static AmAlert alert(String instance, Instant start, Instant end) {
        return new AmAlert(Labels.of("alertname", "Down", "instance", instance), Map.of(), start, end, "", null, false);
    }

}
