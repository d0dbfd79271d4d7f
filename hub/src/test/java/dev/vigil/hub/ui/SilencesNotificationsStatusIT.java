package dev.vigil.hub.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Silences, Notifications and Status pages in a real browser against a real hub: a silence
 * made in the form mutes the firing TargetUp alert of the node target (the API says suppressed)
 * and expiring it in the UI expires it; the delivery log shows the webhook's failures with their
 * error and a test notification adds an entry; the status page shows the API's flags, head series
 * and storage figures.
 */
class SilencesNotificationsStatusIT {
    private static final JsonFactory JSON = new JsonFactory();

    @TempDir
    Path dir;

    @Test
    void silencesNotificationsAndStatus() throws Exception {
        assumeTrue(Browser.installed(), "chromium and chromium-driver (Debian) are not installed");
        assumeTrue(Files.isExecutable(UiHub.NODE_EXPORTER), "prometheus-node-exporter is not installed");
        try (UiHub hub = UiHub.start(dir, false); Browser browser = new Browser()) {
            silences(hub, browser);
            notifications(hub, browser);
            status(hub, browser);
        }
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private void silences(UiHub hub, Browser browser) throws Exception {
        String nodeInstance = "127.0.0.1:" + hub.nodePort;
        String nodeAlert = "/api/v2/alerts?filter=" + q("alertname=\"TargetUp\"") + "&filter=" + q("job=\"node\"");
        hub.await(nodeAlert, b -> b.contains("\"state\":\"active\""));

        // a link as the Alerts page and Alertmanager's UI make it opens the form prefilled
        browser.open(hub.base + "/silences?new=1&filter=" + q("{alertname=\"TargetUp\",job=~\"vigil.*\"}"));
        browser.awaitText(By.id("silence-preview"), "job=\"vigil-hub\"");
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#silence-form .matcher-row"));
        assertEquals(2, rows.size());
        assertEquals("job", rows.get(1).findElement(By.cssSelector(".m-name")).getDomProperty("value"));
        assertEquals("=~", rows.get(1).findElement(By.cssSelector(".m-op")).getDomProperty("value"));
        assertEquals("vigil.*", rows.get(1).findElement(By.cssSelector(".m-value")).getDomProperty("value"));
        assertFalse(browser.driver.findElement(By.id("silence-preview")).getText().contains(nodeInstance));

        // a silence made from scratch for the node target's TargetUp
        browser.open(hub.base + "/silences");
        browser.await(By.id("silence-new")).click();
        WebElement first = browser.await(By.cssSelector("#silence-form .matcher-row"));
        first.findElement(By.cssSelector(".m-name")).sendKeys("alertname");
        first.findElement(By.cssSelector(".m-value")).sendKeys("TargetUp");
        browser.driver.findElement(By.id("silence-add-matcher")).click();
        WebElement second = browser.driver.findElements(By.cssSelector("#silence-form .matcher-row")).get(1);
        second.findElement(By.cssSelector(".m-name")).sendKeys("job");
        second.findElement(By.cssSelector(".m-value")).sendKeys("node");
        browser.driver.findElement(By.id("silence-created-by")).sendKeys("ui-test");
        browser.driver.findElement(By.id("silence-comment")).sendKeys("node exporter maintenance");
        browser.awaitText(By.id("silence-preview"), "instance=\"" + nodeInstance + "\"");
        browser.awaitText(By.cssSelector("#silence-preview h3"), "(1)");
        assertFalse(browser.driver.findElement(By.id("silence-preview")).getText().contains("vigil-hub"));
        browser.screenshot("silences-form");
        browser.driver.findElement(By.id("silence-submit")).click();

        WebElement created = browser.await(By.cssSelector("#silence-list tr.highlight"));
        String id = created.getDomAttribute("data-id");
        assertTrue(created.getText().contains("alertname=\"TargetUp\""), created.getText());
        assertTrue(created.getText().contains("ui-test"), created.getText());
        // the silence made in the UI mutes the alert
        String muted = hub.await(nodeAlert, b -> b.contains("\"state\":\"suppressed\""));
        assertTrue(muted.contains("\"silencedBy\":[\"" + id + "\"]"), muted);
        String silence = hub.get("/api/v2/silence/" + id).body();
        assertTrue(silence.contains("\"state\":\"active\"") && silence.contains("\"createdBy\":\"ui-test\"")
                && silence.contains("\"comment\":\"node exporter maintenance\""), silence);
        // the hub's own TargetUp is not muted
        assertTrue(hub.get("/api/v2/alerts?filter=" + q("job=\"vigil-hub\"") + "&filter=" + q("alertname=\"TargetUp\""))
                .body().contains("\"state\":\"active\""));
        browser.awaitText(By.cssSelector(".tabs button[data-state=active]"), "Active (1)");
        browser.screenshot("silences-list");

        created.findElement(By.cssSelector("button.expire")).click();
        hub.await("/api/v2/silence/" + id, b -> b.contains("\"state\":\"expired\""));
        hub.await(nodeAlert, b -> b.contains("\"state\":\"active\""));
        browser.awaitText(By.cssSelector(".tabs button[data-state=expired]"), "Expired (1)");
        browser.driver.findElement(By.cssSelector(".tabs button[data-state=expired]")).click();
        browser.await(By.cssSelector("#silence-list tr[data-id='" + id + "'] .badge.expired"));
        browser.screenshot("silences-expired");
        assertEquals(List.of(), browser.consoleErrors(), "silences");
    }

    @SuppressWarnings("unchecked")
    private void notifications(UiHub hub, Browser browser) throws Exception {
        // the webhook's URL is unreachable: attempts are retried and fail, with the error
        String log = hub.await("/api/vigil/v1/notifications", b -> b.contains("\"receiver\":\"team\"")
                && (b.contains("\"outcome\":\"retrying\"") || b.contains("\"outcome\":\"failed\"")));
        Map<String, Object> data = (Map<String, Object>) ((Map<String, Object>) parse(log)).get("data");
        List<Map<String, Object>> entries = (List<Map<String, Object>>) data.get("entries");
        Map<String, Object> newest = entries.get(0);
        String error = (String) newest.get("error");
        assertFalse(error.isEmpty(), log);
        assertTrue(List.of("retrying", "failed").contains(newest.get("outcome")), log);

        browser.open(hub.base + "/notifications");
        browser.await(By.cssSelector("#notif-log tr[data-receiver=team]"));
        String table = browser.driver.findElement(By.id("notif-log")).getText();
        assertTrue(table.contains(error), table + "\n---\n" + error);
        assertTrue(table.contains("webhook[0]"), table);
        assertTrue(browser.driver.findElement(By.cssSelector("section.receiver[data-receiver=team]")).getText()
                .contains("webhook[0]"));

        // a test notification goes through the receiver's webhook at once and is logged
        browser.driver.findElement(By.cssSelector("button.test-button[data-receiver=team]")).click();
        WebElement result = browser.awaitText(By.cssSelector("section.receiver[data-receiver=team] .test-result"),
                "failed");
        assertTrue(result.getText().contains("webhook[0]"), result.getText());
        String after = hub.get("/api/vigil/v1/notifications?receiver=team").body();
        assertTrue(after.contains("VigilTestNotification"), after);
        browser.awaitText(By.id("notif-log"), "VigilTestNotification");
        browser.screenshot("notifications");
        assertEquals(List.of(), browser.consoleErrors(), "notifications");
    }

    @SuppressWarnings("unchecked")
    private void status(UiHub hub, Browser browser) throws Exception {
        Map<String, Object> flags = (Map<String, Object>) data(hub, "/api/v1/status/flags");
        long seriesBefore = ((Number) ((Map<String, Object>) ((Map<String, Object>) data(hub, "/api/v1/status/tsdb"))
                .get("headStats")).get("numSeries")).longValue();

        browser.open(hub.base + "/flags");
        WebElement flagTable = browser.await(By.id("status-flags-table"));
        String path = (String) flags.get("storage.tsdb.path");
        assertTrue(flagTable.getText().contains("--storage.tsdb.path " + path), flagTable.getText());
        assertEquals(flags.size(), flagTable.findElements(By.cssSelector("tbody tr")).size());
        WebElement headSeries = browser.await(By.cssSelector("#status-head-stats [data-stat=numSeries] .value"));
        long shown = Long.parseLong(headSeries.getText());
        long seriesAfter = ((Number) ((Map<String, Object>) ((Map<String, Object>) data(hub, "/api/v1/status/tsdb"))
                .get("headStats")).get("numSeries")).longValue();
        assertTrue(seriesBefore <= shown && shown <= seriesAfter && shown > 0,
                seriesBefore + " <= " + shown + " <= " + seriesAfter);
        // /flags scrolls to the flags
        Number top = (Number) browser.driver.executeScript(
                "return document.getElementById('status-flags').getBoundingClientRect().top");
        assertTrue(top.doubleValue() < 150, "flags section at " + top);

        Map<String, Object> storage = (Map<String, Object>) data(hub, "/api/vigil/v1/storage");
        Map<String, Object> wal = (Map<String, Object>) storage.get("wal");
        assertTrue(((Number) wal.get("bytes")).longValue() > 0, storage.toString());
        WebElement cards = browser.await(By.id("status-storage-cards"));
        assertEquals(String.valueOf(wal.get("segments")),
                cards.findElement(By.cssSelector("[data-stat=walSegments] .value")).getText());
        assertEquals(String.valueOf(((List<?>) storage.get("blocks")).size()),
                cards.findElement(By.cssSelector("[data-stat=blocks] .value")).getText());
        assertTrue(cards.findElement(By.cssSelector("[data-stat=walBytes] .value")).getText().matches("[0-9.]+ (B|KiB|MiB|GiB)"),
                cards.getText());
        String yaml = (String) ((Map<String, Object>) data(hub, "/api/v1/status/config")).get("yaml");
        assertEquals(yaml.strip(), browser.driver.findElement(By.id("status-config-yaml")).getText().strip());
        browser.screenshot("status-flags");

        browser.open(hub.base + "/tsdb-status");
        browser.await(By.cssSelector("#status-tsdb [data-table='Top metrics by series'] table"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> ((Number) browser.driver.executeScript(
                "return document.getElementById('status-tsdb').getBoundingClientRect().top")).doubleValue() < 150);
        browser.screenshot("status-tsdb");
        assertEquals(List.of(), browser.consoleErrors(), "status");
    }

    private static Object data(UiHub hub, String path) throws Exception {
        String body = hub.get(path).body();
        @SuppressWarnings("unchecked")
        Map<String, Object> envelope = (Map<String, Object>) parse(body);
        assertEquals("success", envelope.get("status"), body);
        return envelope.get("data");
    }

    /** JSON text to maps, lists, strings, numbers, booleans and nulls. */
    static Object parse(String json) throws IOException {
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            return value(p);
        }
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, value(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getNumberValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            default -> {
                return null;
            }
        }
    }
}
