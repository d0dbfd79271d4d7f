package dev.vigil.hub.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The UI behind basic auth: nothing without credentials; the read-only {@code bob} reads every
 * page and API but may not create or expire silences, send a test notification or reload; the
 * admin {@code alice} may; a cross-site request is refused even with the admin's credentials.
 * In the browser, bob's Silences page offers no create button and alice's does.
 */
class UiAuthIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ALICE = UiHub.basic("alice", UiHub.ADMIN_PASSWORD);
    private static final String BOB = UiHub.basic("bob", UiHub.VIEWER_PASSWORD);
    private static final Pattern SILENCE_ID = Pattern.compile("\"silenceID\":\"([^\"]+)\"");

    @TempDir
    Path dir;

    private static HttpResponse<String> send(UiHub hub, String method, String path, String auth, String body,
            String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hub.base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String silence() {
        Instant now = Instant.now();
        return "{\"matchers\":[{\"name\":\"alertname\",\"value\":\"Nothing\",\"isRegex\":false,\"isEqual\":true}],"
                + "\"startsAt\":\"" + now + "\",\"endsAt\":\"" + now.plusSeconds(3600) + "\","
                + "\"createdBy\":\"auth-test\",\"comment\":\"role check\"}";
    }

    @Test
    void rolesAndCrossSiteRequests() throws Exception {
        assumeTrue(Files.isExecutable(UiHub.NODE_EXPORTER), "prometheus-node-exporter is not installed");
        try (UiHub hub = UiHub.start(dir, true)) {
            // anonymous: nothing
            for (String path : List.of("/", "/silences", "/api/v1/query?query=up", "/api/vigil/v1/whoami",
                "/ui/static/app.js")) {
                assertEquals(401, send(hub, "GET", path, null, null).statusCode(), path);
            }
            // the viewer reads everything
            for (String path : List.of("/", "/silences", "/notifications", "/status", "/api/v1/query?query=up",
                "/api/v2/silences", "/api/v2/alerts", "/api/vigil/v1/notifications", "/api/vigil/v1/storage",
                "/api/v1/status/flags", "/ui/static/pages/silences.js")) {
                assertEquals(200, send(hub, "GET", path, BOB, null).statusCode(), path);
            }
            assertTrue(send(hub, "GET", "/api/vigil/v1/whoami", BOB, null).body()
                    .contains("\"user\":\"bob\",\"admin\":false,\"authRequired\":true"));
            assertTrue(send(hub, "GET", "/api/vigil/v1/whoami", ALICE, null).body()
                    .contains("\"user\":\"alice\",\"admin\":true,\"authRequired\":true"));

            // the viewer changes nothing
            String anyId = "/api/v2/silence/00000000-0000-0000-0000-000000000000";
            HttpResponse<String> refused = send(hub, "POST", "/api/v2/silences", BOB, silence());
            assertEquals(403, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("admin identity"), refused.body());
            assertEquals(403, send(hub, "DELETE", anyId, BOB, null).statusCode());
            assertEquals(403, send(hub, "POST", "/api/vigil/v1/receivers/team/test", BOB, "{}").statusCode());
            assertEquals(403, send(hub, "POST", "/-/reload", BOB, null).statusCode());
            assertEquals("[]", send(hub, "GET", "/api/v2/silences", ALICE, null).body().strip());

            // the admin does
            HttpResponse<String> created = send(hub, "POST", "/api/v2/silences", ALICE, silence());
            assertEquals(200, created.statusCode(), created.body());
            Matcher m = SILENCE_ID.matcher(created.body());
            assertTrue(m.find(), created.body());
            String id = m.group(1);
            assertEquals(200, send(hub, "DELETE", "/api/v2/silence/" + id, ALICE, null).statusCode());
            assertTrue(send(hub, "GET", "/api/v2/silence/" + id, BOB, null).body().contains("\"state\":\"expired\""));
            HttpResponse<String> test = send(hub, "POST", "/api/vigil/v1/receivers/team/test", ALICE, "{}");
            assertEquals(200, test.statusCode(), test.body());
            // the webhook's URL is unreachable: the test ran and says why it failed
            assertTrue(test.body().contains("\"receiver\":\"team\",\"sent\":false"), test.body());
            assertTrue(test.body().contains("\"integration\":\"webhook[0]\"") && test.body().contains("\"outcome\":\"failed\""),
                    test.body());
            assertEquals(404, send(hub, "POST", "/api/vigil/v1/receivers/nobody/test", ALICE, "{}").statusCode());
            assertEquals(200, send(hub, "POST", "/-/reload", ALICE, null).statusCode());

            // cross-site requests are refused even with the admin's credentials
            HttpResponse<String> evil = send(hub, "POST", "/api/v2/silences", ALICE, silence(),
                    "Origin", "http://evil.example");
            assertEquals(403, evil.statusCode(), evil.body());
            assertEquals(403, send(hub, "POST", "/api/v2/silences", ALICE, silence(),
                    "Sec-Fetch-Site", "cross-site").statusCode());
            assertEquals(403, send(hub, "POST", "/api/vigil/v1/receivers/team/test", ALICE, "{}",
                    "Origin", "http://evil.example").statusCode());
            // the same origin passes
            HttpResponse<String> same = send(hub, "POST", "/api/v2/silences", ALICE, silence(),
                    "Origin", hub.base, "Sec-Fetch-Site", "same-origin");
            assertEquals(200, same.statusCode(), same.body());
            // the two refused posts created nothing: one silence from before and the same-origin one
            String all = send(hub, "GET", "/api/v2/silences", ALICE, null).body();
            assertEquals(2, all.split("\"createdBy\":\"auth-test\"", -1).length - 1, all);

            if (Browser.installed()) {
                inBrowser(hub);
            }
        }
    }

    /** Chromium takes credentials from the URL for the page and its same-origin requests. */
    private static void inBrowser(UiHub hub) throws Exception {
        String hostPort = hub.base.substring("http://".length());
        try (Browser browser = new Browser()) {
            browser.open("http://bob:" + UiHub.VIEWER_PASSWORD + "@" + hostPort + "/silences");
            browser.awaitText(By.id("who"), "bob (read-only)");
            browser.await(By.id("silence-readonly"));
            browser.await(By.cssSelector("#silence-list > *"));
            assertTrue(browser.driver.findElements(By.id("silence-new")).isEmpty(), "bob sees a create button");
            assertTrue(browser.driver.findElements(By.cssSelector("#silence-list button.expire")).isEmpty());
            // ?new=1 opens no form for him either
            browser.open("http://bob:" + UiHub.VIEWER_PASSWORD + "@" + hostPort + "/silences?new=1&filter=%7Ba%3D%22b%22%7D");
            browser.await(By.id("silence-readonly"));
            assertTrue(browser.driver.findElements(By.id("silence-form")).isEmpty());
            browser.screenshot("auth-silences-bob");
            assertEquals(List.of(), browser.consoleErrors(), "bob");
        }
        try (Browser browser = new Browser()) {
            browser.open("http://alice:" + UiHub.ADMIN_PASSWORD + "@" + hostPort + "/silences");
            browser.awaitText(By.id("who"), "alice (admin)");
            browser.await(By.id("silence-new"));
            browser.await(By.cssSelector("#silence-list button.expire"));
            browser.screenshot("auth-silences-alice");
            assertEquals(List.of(), browser.consoleErrors(), "alice");
        }
    }
}
