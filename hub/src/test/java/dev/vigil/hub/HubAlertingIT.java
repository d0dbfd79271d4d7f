package dev.vigil.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
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
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub as an Alertmanager for a real Prometheus 2.42 and for its own rules, through
 * {@code bin/vigil-hub}: Prometheus' alerts reach a webhook, a silence keeps its alert quiet, and
 * a restart mid-way keeps the silence, the notification log (nothing sent twice) and the pending
 * time of the hub's own alert.
 */
class HubAlertingIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "vigil-hub").toAbsolutePath().normalize();
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ACTIVE_AT = Pattern.compile(
            "\"labels\":\\{\"alertname\":\"HubSelfUp\"[^}]*\\}.*?\"state\":\"pending\",\"activeAt\":\"([^\"]+)\"");

    @TempDir
    Path dir;

    private final List<String> notifications = new CopyOnWriteArrayList<>();
    private HttpServer webhook;
    private Process prometheus;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (prometheus != null) {
            stop(prometheus);
        }
        if (webhook != null) {
            webhook.stop(0);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String get(int port, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))).body();
    }

    private String await(String what, ThrowingSupplier probe, Predicate<String> until) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = probe.get();
                if (until.test(last)) {
                    return last;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what + "; last: " + last + "\n" + context());
    }

    private String context() throws IOException {
        return "hub log:\n" + Files.readString(dir.resolve("hub.log")) + "\nwebhook got:\n"
                + String.join("\n", notifications);
    }

    private interface ThrowingSupplier {
        String get() throws Exception;
    }

    private long count(String alertname) {
        return notifications.stream().filter(n -> n.contains("\"alertname\":\"" + alertname + "\"")).count();
    }

    private Process startHub(int port, Path config, Path amConfig) throws IOException {
        return new ProcessBuilder(LAUNCHER.toString(), "--web.listen-address=127.0.0.1:" + port,
                "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                "--alertmanager.config.file=" + amConfig, "--rules.alert.for-grace-period=1s",
                "--web.external-url=http://hub.example:9090/", "--log.level=debug")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("hub.log").toFile()))
                .start();
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    @Test
    void prometheusAlertsRouteThroughTheHubAndSurviveARestart() throws Exception {
        assumeTrue(Files.isExecutable(PROMETHEUS), "Prometheus 2.42 (Debian package) is not installed");
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            notifications.add(Instant.now() + " " + new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();

        int hubPort = freePort();
        Path rules = dir.resolve("hub-rules.yml");
        Files.writeString(rules, """
                groups:
                  - name: hub
                    interval: 1s
                    rules:
                      - alert: HubSelfUp
                        expr: up{job="self"} == 1
                        for: 20s
                        labels: {severity: info}
                        annotations: {summary: "{{ $labels.instance }} answers"}
                """);
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n  evaluation_interval: 1s\n"
                + "rule_files: [\"" + rules + "\"]\nscrape_configs:\n  - job_name: self\n    static_configs:\n"
                + "      - targets: [\"127.0.0.1:" + hubPort + "\"]\n");
        Path amConfig = dir.resolve("alertmanager.yml");
        Files.writeString(amConfig, "route:\n  receiver: hook\n  group_by: [alertname]\n  group_wait: 1s\n"
                + "  group_interval: 1s\n  repeat_interval: 1h\nreceivers:\n  - name: hook\n    webhook_configs:\n"
                + "      - url: http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook\n");

        Process hub = startHub(hubPort, config, amConfig);
        String activeAtBefore;
        String silenceId;
        try {
            await("hub ready", () -> get(hubPort, "/-/ready"), body -> body.contains("Ready"));
            HttpResponse<String> created = send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + hubPort + "/api/v2/silences"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"matchers\":[{\"name\":\"alertname\",\"value\":"
                            + "\"Muted\",\"isRegex\":false,\"isEqual\":true}],\"startsAt\":\"" + Instant.now()
                            + "\",\"endsAt\":\"" + Instant.now().plusSeconds(3600) + "\",\"createdBy\":\"it\","
                            + "\"comment\":\"quiet\"}")));
            assertEquals(200, created.statusCode(), created.body());
            Matcher id = Pattern.compile("\"silenceID\":\"([^\"]+)\"").matcher(created.body());
            assertTrue(id.find(), created.body());
            silenceId = id.group(1);

            prometheus = startPrometheus(hubPort);
            String first = await("Prometheus' alert at the webhook", () -> String.join("\n", notifications),
                    all -> all.contains("\"alertname\":\"FromPrometheus\""));
            assertTrue(first.contains("\"status\":\"firing\"") && first.contains("\"receiver\":\"hook\"")
                    && first.contains("\"groupKey\":\"{}:{alertname=\\\"FromPrometheus\\\"}\"")
                    && first.contains("\"generatorURL\":\"http://127.0.0.1:"), first);
            await("the muted alert held as suppressed", () -> get(hubPort, "/api/v2/alerts?silenced=true"),
                    body -> body.contains("\"alertname\":\"Muted\"") && body.contains("\"silencedBy\":[\"" + silenceId));
            String pending = await("HubSelfUp pending for 6 s", () -> get(hubPort, "/api/v1/alerts"),
                    body -> pendingFor(body) >= 6);
            activeAtBefore = activeAt(pending);
        } finally {
            stop(hub);
        }
        long downAt = System.currentTimeMillis();

        Process again = startHub(hubPort, config, amConfig);
        try {
            String silences = await("the silence after the restart", () -> get(hubPort, "/api/v2/silences"),
                    body -> body.contains(silenceId));
            assertTrue(silences.contains("\"state\":\"active\""), silences);
            String pending = await("HubSelfUp pending again", () -> get(hubPort, "/api/v1/alerts"),
                    body -> ACTIVE_AT.matcher(body).find());
            long servedAfter = System.currentTimeMillis() - Instant.parse(activeAt(pending)).toEpochMilli();
            // Restored: activeAt moves forward by the downtime, so the 6 s already served still count
            // (a fresh alert would show at most a second or two).
            assertTrue(servedAfter >= 5000, "activeAt before " + activeAtBefore + ", after " + activeAt(pending)
                    + ", hub stopped at " + Instant.ofEpochMilli(downAt));

            await("Prometheus' alert back in the hub", () -> get(hubPort, "/api/v2/alerts?silenced=false"),
                    body -> body.contains("\"alertname\":\"FromPrometheus\""));
            await("HubSelfUp firing at the webhook", () -> String.join("\n", notifications),
                    all -> all.contains("\"alertname\":\"HubSelfUp\""));
            Thread.sleep(3000); // group_wait + group_interval: room for a duplicate to show up
            assertEquals(1, count("FromPrometheus"), "sent once across the restart: " + context());
            assertEquals(1, count("HubSelfUp"), context());
            assertEquals(0, count("Muted"), context());
            String hubAlert = notifications.stream().filter(n -> n.contains("HubSelfUp")).findFirst().orElseThrow();
            assertTrue(hubAlert.contains("\"summary\":\"127.0.0.1:" + hubPort + " answers\"")
                    && hubAlert.contains("\"externalURL\":\"http://hub.example:9090\"")
                    && hubAlert.contains("\"generatorURL\":\"http://hub.example:9090/graph?g0.expr="), hubAlert);
        } finally {
            stop(again);
        }
    }

    private Process startPrometheus(int hubPort) throws Exception {
        int port = freePort();
        Path rules = dir.resolve("prometheus-rules.yml");
        Files.writeString(rules, """
                groups:
                  - name: prometheus
                    interval: 1s
                    rules:
                      - alert: FromPrometheus
                        expr: vector(1)
                        labels: {source: prometheus}
                      - alert: Muted
                        expr: vector(1)
                """);
        Path config = dir.resolve("prometheus-real.yml");
        Files.writeString(config, "global:\n  evaluation_interval: 1s\nrule_files: [\"" + rules + "\"]\n"
                + "alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: [\"127.0.0.1:" + hubPort
                + "\"]\n");
        return new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("prometheus-data"), "--web.listen-address=127.0.0.1:" + port,
                "--web.external-url=http://127.0.0.1:" + port + "/", "--rules.alert.resend-delay=1s")
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    }

    private static String activeAt(String alerts) {
        Matcher m = ACTIVE_AT.matcher(alerts);
        if (!m.find()) {
            throw new AssertionError("no pending HubSelfUp in " + alerts);
        }
        return m.group(1);
    }

    private static long pendingFor(String alerts) {
        Matcher m = ACTIVE_AT.matcher(alerts);
        return m.find() ? (System.currentTimeMillis() - Instant.parse(m.group(1)).toEpochMilli()) / 1000 : -1;
    }
}
