package dev.vigil.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.vigil.model.Labels;
import dev.vigil.promql.engine.EngineOptions;
import dev.vigil.storage.Appender;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's envelope, parameter checks, status endpoints and admin gate over real HTTP; the error
 * texts are Prometheus 2.42's (checked against it with curl).
 */
class ApiEnvelopeTest {
    @TempDir
    Path dir;

    private ApiServer api;

    @AfterEach
    void stop() throws Exception {
        if (api != null) {
            api.close();
        }
    }

    private ApiServer start(boolean admin, String webConfig) throws Exception {
        api = new ApiServer(dir, EngineOptions.DEFAULTS, admin, webConfig);
        Appender app = api.tsdb.appender();
        app.append(0, Labels.of("__name__", "up", "job", "node", "instance", "a:9100"), 1_000_000, 1);
        app.append(0, Labels.of("__name__", "up", "job", "node", "instance", "b:9100"), 1_000_000, 0);
        app.append(0, Labels.of("__name__", "node_load1", "job", "node", "instance", "a:9100"), 1_000_000, 0.5);
        app.commit();
        return api;
    }

    private static void assertError(HttpResponse<String> r, int status, String type, String message) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("{\"status\":\"error\",\"errorType\":\"" + type + "\",\"error\":\"" + message.replace("\"", "\\\"")
                + "\"}", r.body());
    }

    @Test
    void parameterErrorsInPrometheusWords() throws Exception {
        start(false, null);
        assertError(api.get("/api/v1/query_range?query=1&start=10&end=1&step=1"), 400, "bad_data",
                "invalid parameter \"end\": end timestamp must not be before start time");
        assertError(api.get("/api/v1/query_range?query=1&start=1&end=100000&step=1"), 400, "bad_data",
                "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution "
                        + "(?step=XX)");
        assertError(api.get("/api/v1/query_range?query=1&start=1&end=2&step=0"), 400, "bad_data",
                "invalid parameter \"step\": zero or negative query resolution step widths are not accepted. "
                        + "Try a positive integer");
        assertError(api.get("/api/v1/query?query=up&time=abc"), 400, "bad_data",
                "invalid parameter \"time\": Invalid time value for 'time': cannot parse \"abc\" to a valid timestamp");
        assertError(api.get("/api/v1/query?query=up&timeout=abc"), 400, "bad_data",
                "invalid parameter \"timeout\": cannot parse \"abc\" to a valid duration");
        assertError(api.get("/api/v1/series"), 400, "bad_data", "no match[] parameter provided");
        assertError(api.post("/api/v1/series", "start=1"), 400, "bad_data", "no match[] parameter provided");
        assertError(api.get("/api/v1/label/a-b/values"), 400, "bad_data", "invalid label name: \"a-b\"");
        assertError(api.get("/api/v1/metadata?limit=x"), 400, "bad_data", "limit must be a number");
        assertError(api.get("/api/v1/rules?type=x"), 400, "bad_data", "invalid parameter \"type\": not supported value \"x\"");
    }

    @Test
    void labelsAndValuesFromTheStorage() throws Exception {
        start(false, null);
        assertEquals("{\"status\":\"success\",\"data\":[\"__name__\",\"instance\",\"job\"]}",
                api.get("/api/v1/labels").body());
        assertEquals("{\"status\":\"success\",\"data\":[\"a:9100\",\"b:9100\"]}",
                api.get("/api/v1/label/instance/values").body());
        assertEquals("{\"status\":\"success\",\"data\":[\"node_load1\",\"up\"]}",
                api.get("/api/v1/label/__name__/values?start=0&end=2000").body());
        assertEquals("{\"status\":\"success\",\"data\":[\"__name__\",\"instance\",\"job\"]}",
                api.post("/api/v1/labels", "start=0&end=2000").body(), "POST form");
    }

    @Test
    void statusEndpointsInPrometheusShapes() throws Exception {
        start(false, null);
        assertEquals("{\"status\":\"success\",\"data\":{\"groups\":[]}}", api.get("/api/v1/rules").body());
        assertEquals("{\"status\":\"success\",\"data\":{\"alerts\":[]}}", api.get("/api/v1/alerts").body());
        assertEquals("{\"status\":\"success\",\"data\":{\"activeAlertmanagers\":[],\"droppedAlertmanagers\":[]}}",
                api.get("/api/v1/alertmanagers").body());
        String build = api.get("/api/v1/status/buildinfo").body();
        assertTrue(build.startsWith("{\"status\":\"success\",\"data\":{\"version\":\"1.2.3\",\"revision\":\"abc\","
                + "\"branch\":\"main\",\"buildUser\":\"\",\"buildDate\":\"\",\"goVersion\":\"java"), build);
        String runtime = api.get("/api/v1/status/runtimeinfo").body();
        assertTrue(runtime.contains("\"startTime\":\"1970-01-01T00:00:00Z\",\"CWD\":") && runtime.contains(
                "\"reloadConfigSuccess\":true") && runtime.contains("\"storageRetention\":\"15d\""), runtime);
        String config = api.get("/api/v1/status/config").body();
        assertTrue(config.contains("password: <secret>") && !config.contains("password: p"), config);
        assertEquals("{\"status\":\"success\",\"data\":{\"query.max-samples\":\"50000000\","
                + "\"web.enable-admin-api\":\"false\"}}", api.get("/api/v1/status/flags").body());
        assertEquals("{\"status\":\"success\",\"data\":{}}", api.get("/api/v1/metadata").body());
        assertEquals("{\"status\":\"success\",\"data\":[]}", api.get("/api/v1/targets/metadata").body());
        assertTrue(api.get("/api/v1/status/tsdb").body().contains("\"numSeries\":3"));
    }

    @Test
    void adminApisNeedTheFlag() throws Exception {
        start(false, null);
        assertError(api.post("/api/v1/admin/tsdb/snapshot", ""), 500, "unavailable", "admin APIs disabled");
        assertError(api.post("/api/v1/admin/tsdb/clean_tombstones", ""), 500, "unavailable", "admin APIs disabled");
        assertError(api.post("/api/v1/admin/tsdb/delete_series", "match[]=up"), 500, "unavailable",
                "admin APIs disabled");
    }

    @Test
    void snapshotHardLinksBlocksAndWritesTheHead() throws Exception {
        start(true, null);
        HttpResponse<String> r = api.post("/api/v1/admin/tsdb/snapshot", "");
        assertEquals(200, r.statusCode(), r.body());
        String name = r.body().replaceAll(".*\"name\":\"([^\"]+)\".*", "$1");
        assertTrue(name.matches("\\d{8}T\\d{6}Z-[0-9a-f]{16}"), name);
        Path snapshot = api.tsdb.dir().resolve("snapshots").resolve(name);
        try (var blocks = Files.list(snapshot)) {
            assertEquals(1, blocks.filter(Files::isDirectory).count(), "the head as one block");
        }
        r = api.post("/api/v1/admin/tsdb/snapshot", "skip_head=true");
        String empty = r.body().replaceAll(".*\"name\":\"([^\"]+)\".*", "$1");
        try (var blocks = Files.list(api.tsdb.dir().resolve("snapshots").resolve(empty))) {
            assertEquals(0, blocks.count());
        }
        assertError(api.post("/api/v1/admin/tsdb/snapshot", "skip_head=maybe"), 400, "bad_data",
                "invalid parameter \"skip_head\": unable to parse boolean: strconv.ParseBool: parsing \"maybe\": "
                        + "invalid syntax");
        assertEquals(204, api.post("/api/v1/admin/tsdb/clean_tombstones", "").statusCode());
        assertError(api.post("/api/v1/admin/tsdb/delete_series", ""), 400, "bad_data", "no match[] parameter provided");
    }

    @Test
    void withCredentialsOnlyAdminsMayUseAdminEndpoints() throws Exception {
        String hash = BCrypt.withDefaults().hashToString(4, "pw".toCharArray());
        Path token = Files.writeString(dir.resolve("admin.token"), "admin-token\n");
        Files.writeString(dir.resolve("reader.token"), "reader-token\n");
        start(true, "basic_auth_users:\n  alice: \"" + hash + "\"\n  bob: \"" + hash + "\"\n"
                + "bearer_auth:\n  token_files: [" + token + ", reader.token]\n"
                + "admin:\n  users: [alice]\n  token_files: [admin.token]\n");
        String alice = "Basic " + Base64.getEncoder().encodeToString("alice:pw".getBytes(StandardCharsets.UTF_8));
        String bob = "Basic " + Base64.getEncoder().encodeToString("bob:pw".getBytes(StandardCharsets.UTF_8));
        assertEquals(204, api.post("/api/v1/admin/tsdb/clean_tombstones", "", "Authorization", alice).statusCode());
        assertEquals(204, api.post("/api/v1/admin/tsdb/clean_tombstones", "", "Authorization",
                "Bearer admin-token").statusCode());
        HttpResponse<String> denied = api.post("/api/v1/admin/tsdb/clean_tombstones", "", "Authorization", bob);
        assertEquals(403, denied.statusCode(), denied.body());
        assertEquals(403, api.post("/api/v1/admin/tsdb/clean_tombstones", "", "Authorization",
                "Bearer reader-token").statusCode());
        assertEquals(403, api.post("/-/reload", "", "Authorization", bob).statusCode());
        assertEquals(200, api.post("/-/reload", "", "Authorization", alice).statusCode());
        assertEquals(401, api.post("/api/v1/admin/tsdb/clean_tombstones", "").statusCode());
        assertEquals(200, api.get("/api/v1/labels", "Authorization", bob).statusCode(), "read-only still reads");
    }
}
