package dev.vigil.hub.notifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.alerting.rules.AlertSink;
import dev.vigil.hub.config.ConfigLoader;
import dev.vigil.hub.config.HubConfig;
import dev.vigil.model.Labels;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notifier against a real Alertmanager 0.25 (Debian's prometheus-alertmanager): alerts arrive
 * with external labels added and alert_relabel_configs applied, and amtool lists them.
 */
class NotifierAlertmanagerTest {
    private static final Path ALERTMANAGER = Path.of("/usr/bin/prometheus-alertmanager");
    private static final Path AMTOOL = Path.of("/usr/bin/amtool");

    @TempDir
    Path dir;

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void alertsReachARealAlertmanager() throws Exception {
        assumeTrue(Files.isExecutable(ALERTMANAGER) && Files.isExecutable(AMTOOL),
                "Alertmanager 0.25 (prometheus-alertmanager) not installed");
        int port = freePort();
        Path amConfig = Files.writeString(dir.resolve("am.yml"), """
                route:
                  receiver: nowhere
                  group_wait: 1h
                receivers:
                  - name: nowhere
                """);
        Process am = new ProcessBuilder(ALERTMANAGER.toString(), "--config.file=" + amConfig,
                "--storage.path=" + dir.resolve("am-data"), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=").redirectErrorStream(true)
                .redirectOutput(dir.resolve("am.log").toFile()).start();
        Notifier notifier = new Notifier("test");
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port;
            for (int i = 0; i < 100; i++) {
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create(base + "/-/ready")).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                        break;
                    }
                } catch (java.io.IOException notYet) {
                    // starting
                }
                Thread.sleep(100);
            }
            HubConfig config = ConfigLoader.parse("prometheus.yml", """
                    global:
                      external_labels: {cluster: eu1}
                    alerting:
                      alert_relabel_configs:
                        - action: labeldrop
                          regex: secret
                      alertmanagers:
                        - static_configs:
                            - targets: ['127.0.0.1:%d']
                    """.formatted(port));
            notifier.apply(config);
            assertEquals(List.of(URI.create(base + "/api/v2/alerts")), notifier.alertmanagers());
            long now = System.currentTimeMillis();
            notifier.send("http://hub:9090/graph?g0.expr=up+%3D%3D+0&g0.tab=1", List.of(new AlertSink.SentAlert(
                    Labels.of("alertname", "InstanceDown", "instance", "a", "secret", "x"),
                    Map.of("summary", "a is down"), now, now + 240_000)));
            String alerts = "";
            for (int i = 0; i < 100 && !alerts.contains("InstanceDown"); i++) {
                Thread.sleep(100);
                alerts = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v2/alerts")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            }
            assertTrue(alerts.contains("\"labels\":{\"alertname\":\"InstanceDown\",\"cluster\":\"eu1\",\"instance\":\"a\"}"),
                    alerts);
            assertTrue(alerts.contains("\"annotations\":{\"summary\":\"a is down\"}"), alerts);
            assertTrue(alerts.contains("\"generatorURL\":\"http://hub:9090/graph?g0.expr=up+%3D%3D+0\\u0026g0.tab=1\"")
                    || alerts.contains("\"generatorURL\":\"http://hub:9090/graph?g0.expr=up+%3D%3D+0&g0.tab=1\""), alerts);
            assertEquals(1, notifier.sentCount());

            Process amtool = new ProcessBuilder(AMTOOL.toString(), "--alertmanager.url=" + base, "alert", "query",
                    "alertname=InstanceDown").redirectErrorStream(true).start();
            String listed = new String(amtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(amtool.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, amtool.exitValue(), listed);
            assertTrue(listed.contains("InstanceDown") && listed.contains("a is down"), listed);
        } finally {
            notifier.close();
            am.destroy();
            am.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
