package dev.vigil.alerting.am.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.alerting.am.Alertmanager;
import dev.vigil.alerting.am.IntegrationFactory;
import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.am.clock.SystemScheduler;
import dev.vigil.alerting.am.config.ConfigLoader;
import dev.vigil.alerting.am.notify.Backoff;
import dev.vigil.model.Labels;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same alert timeline sent to a real Alertmanager 0.25 and to ours, with the same
 * alertmanager.yml: the webhooks must receive the same notifications, per group in the same order,
 * with byte-identical payloads, at the same times (within a second: both run on the wall clock).
 */
class AlertmanagerParityTest {
    private static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
    private static final Pattern GROUP_KEY = Pattern.compile("\"groupKey\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    static final String EXTERNAL_URL = "http://hub.example:9093";

    @TempDir
    Path dir;

    private Process real;
    private HttpServer hooks;
    private Alertmanager ours;
    private SystemScheduler scheduler;

    /** A received webhook: when (ms after the start), which side, the body. */
    record Hook(long atMillis, String side, String body) {
    }

    private final List<Hook> received = new ArrayList<>();
    private long startNanos;

    @AfterEach
    void stop() {
        if (real != null) {
            real.destroy();
        }
        if (hooks != null) {
            hooks.stop(0);
        }
        if (ours != null) {
            ours.close();
        }
        if (scheduler != null) {
            scheduler.close();
        }
    }

    @Test
    void sameNotificationsAsAlertmanager() throws Exception {
        assumeTrue(Files.isExecutable(BINARY), "prometheus-alertmanager is not installed");
        hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        hooks.createContext("/", ex -> {
            long at = (System.nanoTime() - startNanos) / 1_000_000;
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (received) {
                received.add(new Hook(at, ex.getRequestURI().getPath().substring(1), body));
            }
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        hooks.start();
        int hookPort = hooks.getAddress().getPort();
        String yaml = """
                route:
                  receiver: team.hook
                  group_by: [alertname]
                  group_wait: 2s
                  group_interval: 5s
                  repeat_interval: 12s
                receivers:
                  - name: team.hook
                    webhook_configs:
                      - url: http://127.0.0.1:%d/%s
                        send_resolved: true
                """;
        Path realConfig = Files.writeString(dir.resolve("real.yml"), yaml.formatted(hookPort, "real"));
        Path ourConfig = Files.writeString(dir.resolve("ours.yml"), yaml.formatted(hookPort, "ours"));
        int port = freePort();
        real = new ProcessBuilder(BINARY.toString(), "--config.file=" + realConfig,
                "--storage.path=" + dir.resolve("real-data"), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=", "--web.external-url=" + EXTERNAL_URL)
                .redirectErrorStream(true).redirectOutput(dir.resolve("real.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        waitReady(http, port);
        scheduler = new SystemScheduler("am-parity");
        ours = Alertmanager.start(ConfigLoader.load(ourConfig), dir.resolve("ours-data"), scheduler,
                IntegrationFactory.standard(EXTERNAL_URL), EXTERNAL_URL, Backoff::alertmanager);

        Instant s = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        startNanos = System.nanoTime();
        post(http, port, alert("Down", "a", s, null));
        sleepUntil(3_000);
        post(http, port, alert("Down", "b", s.plusSeconds(3), null), alert("Other", "c", s.plusSeconds(3), null));
        sleepUntil(8_000);
        post(http, port, alert("Down", "a", s, s.plusSeconds(8)));
        sleepUntil(28_000);
        post(http, port, alert("Down", "b", s.plusSeconds(3), s.plusSeconds(28)),
                alert("Other", "c", s.plusSeconds(3), s.plusSeconds(28)));
        sleepUntil(35_000);

        Map<String, List<Hook>> realByGroup = byGroup("real");
        Map<String, List<Hook>> oursByGroup = byGroup("ours");
        assertEquals(realByGroup.keySet(), oursByGroup.keySet());
        assertEquals(2, realByGroup.size(), realByGroup.toString());
        for (String key : realByGroup.keySet()) {
            List<Hook> r = realByGroup.get(key);
            List<Hook> o = oursByGroup.get(key);
            assertEquals(r.stream().map(Hook::body).toList(), o.stream().map(Hook::body).toList(), key);
            for (int i = 0; i < r.size(); i++) {
                long diff = Math.abs(r.get(i).atMillis() - o.get(i).atMillis());
                assertTrue(diff < 1_000, key + " notification " + i + ": Alertmanager at " + r.get(i).atMillis()
                        + " ms, ours at " + o.get(i).atMillis() + " ms");
            }
        }
        // fire, join, partial resolve, repeat, resolve for "Down"; fire, repeat, resolve for "Other"
        assertEquals(5, realByGroup.get("{}:{alertname=\\\"Down\\\"}").size());
        assertEquals(3, realByGroup.get("{}:{alertname=\\\"Other\\\"}").size());
    }

    private Map<String, List<Hook>> byGroup(String side) {
        Map<String, List<Hook>> out = new LinkedHashMap<>();
        synchronized (received) {
            for (Hook h : received) {
                if (h.side().equals(side)) {
                    Matcher m = GROUP_KEY.matcher(h.body());
                    assertTrue(m.find(), h.body());
                    out.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(h);
                }
            }
        }
        return out;
    }

    private record Posted(Labels labels, Instant start, Instant end) {
    }

    private static Posted alert(String name, String instance, Instant start, Instant end) {
        return new Posted(Labels.of("alertname", name, "instance", instance, "job", "node"), start, end);
    }

    /** The same alerts to both: Alertmanager by API v2, ours through the same receive path. */
    private void post(HttpClient http, int port, Posted... alerts) throws IOException, InterruptedException {
        StringBuilder json = new StringBuilder("[");
        List<AmAlert> mine = new ArrayList<>();
        for (Posted p : alerts) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"labels\":{");
            for (int i = 0; i < p.labels().size(); i++) {
                json.append(i == 0 ? "" : ",").append('"').append(p.labels().name(i)).append("\":\"")
                        .append(p.labels().value(i)).append('"');
            }
            json.append("},\"annotations\":{\"summary\":\"").append(p.labels().get("instance"))
                    .append(" <down> & out\"},\"generatorURL\":\"http://prom:9090/graph?g0.expr=up\",\"startsAt\":\"")
                    .append(p.start()).append('"');
            if (p.end() != null) {
                json.append(",\"endsAt\":\"").append(p.end()).append('"');
            }
            json.append('}');
            mine.add(new AmAlert(p.labels(), Map.of("summary", p.labels().get("instance") + " <down> & out"),
                    p.start(), p.end(), "http://prom:9090/graph?g0.expr=up", null, false));
        }
        json.append(']');
        HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v2/alerts")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, resp.statusCode(), resp.body());
        assertEquals(List.of(), ours.receive(mine));
    }

    private void sleepUntil(long millis) throws InterruptedException {
        long left = millis - (System.nanoTime() - startNanos) / 1_000_000;
        if (left > 0) {
            Thread.sleep(left);
        }
    }

    private static void waitReady(HttpClient http, int port) throws Exception {
        for (int i = 0; i < 100; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Alertmanager did not become ready");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
