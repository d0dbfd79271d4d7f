package dev.vigil.hub.am;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.rules.AlertSink;
import dev.vigil.hub.config.ConfigLoader;
import dev.vigil.hub.notifier.LocalAlertmanagerSink;
import dev.vigil.model.Labels;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule alerts handed to the built-in Alertmanager in-process, as the notifier would send them. */
class LocalSinkTest {
    @TempDir
    Path dir;

    @Test
    void ruleAlertsReachTheBuiltInAlertmanager() throws Exception {
        Path config = Files.writeString(dir.resolve("am.yml"), ApiParityTest.CONFIG);
        try (AmServer server = new AmServer(config, dir.resolve("data"))) {
            LocalAlertmanagerSink sink = new LocalAlertmanagerSink(server.hub.alertmanager()::receive);
            sink.apply(ConfigLoader.parse("prometheus.yml", """
                    global:
                      external_labels: {cluster: eu1, team: ops}
                    alerting:
                      alert_relabel_configs:
                        - action: labeldrop
                          regex: secret
                    """));
            long start = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();
            sink.send("http://hub:9090/graph?g0.expr=up+%3D%3D+0&g0.tab=1", List.of(new AlertSink.SentAlert(
                    Labels.of("alertname", "InstanceDown", "instance", "a", "secret", "x", "team", "a"),
                    Map.of("summary", "a is down"), start, start + 240_000)));
            List<AmAlert> stored = server.hub.alertmanager().alerts().list();
            assertEquals(1, stored.size());
            AmAlert a = stored.get(0);
            assertEquals(Labels.of("alertname", "InstanceDown", "cluster", "eu1", "instance", "a", "team", "a"),
                    a.labels());
            assertEquals(Instant.ofEpochMilli(start), a.startsAt());
            assertEquals(Instant.ofEpochMilli(start + 240_000), a.endsAt());
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base
                    + "/api/v2/alerts?filter=alertname%3DInstanceDown")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(body.contains("\"generatorURL\":\"http://hub:9090/graph?g0.expr=up+%3D%3D+0\\u0026g0.tab=1\""),
                    body);
            assertTrue(body.contains("\"receivers\":[{\"name\":\"team\"},{\"name\":\"other\"}]"), body);
        }
    }
}
