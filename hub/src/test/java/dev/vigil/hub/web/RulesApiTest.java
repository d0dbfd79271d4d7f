package dev.vigil.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.alerting.rules.RuleManager;
import dev.vigil.model.Labels;
import dev.vigil.promql.engine.EngineOptions;
import dev.vigil.storage.Appender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/v1/rules} and {@code /api/v1/alerts} over rules evaluated on a real TSDB. */
class RulesApiTest {
    @TempDir
    Path dir;

    @Test
    void rulesAndAlertsInPrometheusShapes() throws Exception {
        try (ApiServer api = new ApiServer(dir, EngineOptions.DEFAULTS, false, null)) {
            Path file = Files.writeString(dir.resolve("r.yml"), """
                    groups:
                      - name: node
                        interval: 15s
                        rules:
                          - record: job:up:sum
                            expr: sum by (job) (up)
                          - alert: InstanceDown
                            expr: up == 0
                            for: 1m
                            labels: {severity: page}
                            annotations: {summary: down}
                    """);
            api.rules.update(RuleManager.load(List.of(file), 60_000));
            api.rules.close();
            for (long t = 0; t <= 30_000; t += 15_000) {
                Appender app = api.tsdb.appender();
                app.append(0, Labels.of("__name__", "up", "job", "node", "instance", "a"), t, 0);
                app.commit();
                api.rules.evalAll(t);
            }
            String rules = api.get("/api/v1/rules").body();
            assertTrue(rules.startsWith("{\"status\":\"success\",\"data\":{\"groups\":[{\"name\":\"node\",\"file\":\""
                    + file + "\",\"rules\":[{\"name\":\"job:up:sum\",\"query\":\"sum by (job) (up)\",\"labels\":{},"
                    + "\"health\":\"ok\","), rules);
            assertTrue(rules.contains("{\"state\":\"pending\",\"name\":\"InstanceDown\",\"query\":\"up == 0\","
                    + "\"duration\":60,\"keepFiringFor\":0,\"labels\":{\"severity\":\"page\"},"
                    + "\"annotations\":{\"summary\":\"down\"},\"alerts\":[{\"labels\":{\"alertname\":\"InstanceDown\","
                    + "\"instance\":\"a\",\"job\":\"node\",\"severity\":\"page\"},\"annotations\":{\"summary\":\"down\"},"
                    + "\"state\":\"pending\",\"activeAt\":\"1970-01-01T00:00:00Z\",\"value\":\"0e+00\"}]"), rules);
            assertTrue(rules.contains("\"interval\":15,\"limit\":0,"), rules);
            String recordOnly = api.get("/api/v1/rules?type=record").body();
            assertTrue(recordOnly.contains("job:up:sum") && !recordOnly.contains("InstanceDown"), recordOnly);
            String alerts = api.get("/api/v1/alerts").body();
            assertEquals("{\"status\":\"success\",\"data\":{\"alerts\":[{\"labels\":{\"alertname\":\"InstanceDown\","
                    + "\"instance\":\"a\",\"job\":\"node\",\"severity\":\"page\"},\"annotations\":{\"summary\":\"down\"},"
                    + "\"state\":\"pending\",\"activeAt\":\"1970-01-01T00:00:00Z\",\"value\":\"0e+00\"}]}}", alerts);
            assertEquals(400, api.get("/api/v1/rules?type=nothing").statusCode());
        }
    }
}
