package dev.vigil.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.model.Labels;
import dev.vigil.promql.engine.EngineOptions;
import dev.vigil.storage.Appender;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Query results in Prometheus' JSON over real HTTP, the requests Grafana's Prometheus data source
 * sends, and the sample limit: a query over too many samples fails cleanly and the hub answers
 * the next one.
 */
class QueryApiTest {
    @TempDir
    Path dir;

    private ApiServer api;

    @AfterEach
    void stop() throws Exception {
        if (api != null) {
            api.close();
        }
    }

    /** up{a:9100}=1 and up{b:9100}=0 every 15 s from t=1000 s to 1600 s; g = NaN, +Inf. */
    private void start(long maxSamples) throws Exception {
        api = new ApiServer(dir, EngineOptions.DEFAULTS.withMaxSamples(maxSamples), false, null);
        Appender app = api.tsdb.appender();
        for (long t = 1_000_000; t <= 1_600_000; t += 15_000) {
            app.append(0, Labels.of("__name__", "up", "job", "node", "instance", "a:9100"), t, 1);
            app.append(0, Labels.of("__name__", "up", "job", "node", "instance", "b:9100"), t, 0);
        }
        app.append(0, Labels.of("__name__", "g", "k", "nan"), 1_500_000, Double.NaN);
        app.append(0, Labels.of("__name__", "g", "k", "inf"), 1_500_000, Double.POSITIVE_INFINITY);
        app.commit();
    }

    @Test
    void instantResultsInPrometheusJson() throws Exception {
        start(50_000_000);
        assertEquals("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                + "{\"metric\":{\"__name__\":\"up\",\"instance\":\"a:9100\",\"job\":\"node\"},\"value\":[1500.500,\"1\"]},"
                + "{\"metric\":{\"__name__\":\"up\",\"instance\":\"b:9100\",\"job\":\"node\"},\"value\":[1500.500,\"0\"]}]}}",
                api.get("/api/v1/query?query=up&time=1500.5").body());
        assertEquals("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                + "{\"metric\":{\"__name__\":\"g\",\"k\":\"inf\"},\"value\":[1500.050,\"+Inf\"]},"
                + "{\"metric\":{\"__name__\":\"g\",\"k\":\"nan\"},\"value\":[1500.050,\"NaN\"]}]}}",
                api.get("/api/v1/query?query=g&time=1500.05").body());
        assertEquals("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1500.05,\"2\"]}}",
                api.post("/api/v1/query", "query=1%2B1&time=1500.05").body());
        assertEquals("{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":[1,\"abc\"]}}",
                api.get("/api/v1/query?query=" + ApiServer.enc("\"abc\"") + "&time=1").body());
        HttpResponse<String> bad = api.get("/api/v1/query?query=" + ApiServer.enc("up{"));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().startsWith("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":"
                + "\"invalid parameter \\\"query\\\": 1:4: parse error:"), bad.body());
    }

    @Test
    void grafanaDataSourceRequests() throws Exception {
        start(50_000_000);
        // query_range as a POST form, step in seconds, the way Grafana sends it
        assertEquals("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                + "{\"metric\":{\"instance\":\"a:9100\",\"job\":\"node\"},\"values\":[[1000,\"1\"],[1030,\"1\"],[1060,\"1\"]]},"
                + "{\"metric\":{\"instance\":\"b:9100\",\"job\":\"node\"},\"values\":[[1000,\"0\"],[1030,\"0\"],[1060,\"0\"]]}]}}",
                api.post("/api/v1/query_range", "query=" + ApiServer.enc("max by (instance, job) (up)")
                        + "&start=1000&end=1060&step=30").body());
        assertEquals("{\"status\":\"success\",\"data\":[\"__name__\",\"instance\",\"job\"]}",
                api.post("/api/v1/labels", "start=900&end=2000&match[]=" + ApiServer.enc("up")).body());
        assertEquals("{\"status\":\"success\",\"data\":[\"a:9100\",\"b:9100\"]}",
                api.get("/api/v1/label/instance/values?start=900&end=2000&match[]=" + ApiServer.enc("{job=\"node\"}"))
                        .body());
        assertEquals("{\"status\":\"success\",\"data\":[{\"__name__\":\"up\",\"instance\":\"b:9100\",\"job\":\"node\"}]}",
                api.post("/api/v1/series", "match[]=" + ApiServer.enc("up{instance=\"b:9100\"}")
                        + "&start=900&end=2000").body());
        assertEquals("{\"status\":\"success\",\"data\":[]}", api.post("/api/v1/query_exemplars",
                "query=up&start=900&end=2000").body());
        assertEquals(200, api.get("/api/v1/metadata").statusCode());
        assertTrue(api.get("/api/v1/status/buildinfo").body().contains("\"version\":\"1.2.3\""));
        HttpResponse<String> empty = api.get("/api/v1/series?match[]=" + ApiServer.enc("{job=~\".*\"}"));
        assertEquals("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid parameter \\\"match[]\\\": "
                + "match[] must contain at least one non-empty matcher\"}", empty.body());
    }

    @Test
    void tooManySamplesFailsCleanlyAndTheHubStaysHealthy() throws Exception {
        start(20);
        HttpResponse<String> r = api.get("/api/v1/query?query=" + ApiServer.enc("up[10m]") + "&time=1600");
        assertEquals(422, r.statusCode(), r.body());
        assertEquals("{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"query processing would load too many "
                + "samples into memory in query execution\"}", r.body());
        HttpResponse<String> next = api.get("/api/v1/query?query=up&time=1600");
        assertEquals(200, next.statusCode(), next.body());
        assertTrue(next.body().contains("\"value\":[1600,\"1\"]"), next.body());
    }
}
