package dev.vigil.hub.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Editing a silence in the browser, with Alertmanager 0.25's rules for {@code POST
 * /api/v2/silences} with an id: an active silence whose matchers and start are unchanged is
 * updated in place (same id, new comment and end); one whose matchers change is expired and a new
 * silence with a new id takes its place. {@code ?id=} highlights a silence, in the tab of its state.
 */
class SilenceEditIT {
    @TempDir
    Path dir;

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> silence(UiHub hub, String id) throws Exception {
        return (Map<String, Object>) SilencesNotificationsStatusIT.parse(hub.get("/api/v2/silence/" + id).body());
    }

    @SuppressWarnings("unchecked")
    private static String state(Map<String, Object> silence) {
        return (String) ((Map<String, Object>) silence.get("status")).get("state");
    }

    @Test
    @SuppressWarnings("unchecked")
    void editKeepsTheIdUnlessTheMatchersChange() throws Exception {
        assumeTrue(Browser.installed(), "chromium and chromium-driver (Debian) are not installed");
        assumeTrue(Files.isExecutable(UiHub.NODE_EXPORTER), "prometheus-node-exporter is not installed");
        try (UiHub hub = UiHub.start(dir, false); Browser browser = new Browser()) {
            String nodeAlert = "/api/v2/alerts?filter=" + q("alertname=\"TargetUp\"") + "&filter=" + q("job=\"node\"");
            String hubAlert = "/api/v2/alerts?filter=" + q("alertname=\"TargetUp\"") + "&filter=" + q("job=\"vigil-hub\"");
            hub.await(nodeAlert, b -> b.contains("\"state\":\"active\""));
            hub.await(hubAlert, b -> b.contains("\"state\":\"active\""));

            // A start a moment ahead, in whole milliseconds: the API writes times in milliseconds, so only a
            // start that was given (not one Alertmanager set to "now") comes back from the form unchanged.
            Instant start = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
            Instant end = start.plus(Duration.ofHours(2));
            HttpResponse<String> created = hub.post("/api/v2/silences", """
                    {"matchers": [{"name": "alertname", "value": "TargetUp", "isRegex": false, "isEqual": true},
                      {"name": "job", "value": "node", "isRegex": false, "isEqual": true}],
                     "startsAt": "%s", "endsAt": "%s", "createdBy": "api", "comment": "before the edit"}
                    """.formatted(start, end));
            assertEquals(200, created.statusCode(), created.body());
            String id = (String) ((Map<String, Object>) SilencesNotificationsStatusIT.parse(created.body())).get("silenceID");
            hub.await("/api/v2/silence/" + id, b -> b.contains("\"state\":\"active\""));
            hub.await(nodeAlert, b -> b.contains("\"silencedBy\":[\"" + id + "\"]"));

            // ?id= highlights it
            browser.open(hub.base + "/silences?id=" + id);
            WebElement row = browser.await(By.cssSelector("#silence-list tr.highlight"));
            assertEquals(id, row.getDomAttribute("data-id"));
            assertEquals(1, browser.driver.findElements(By.cssSelector("#silence-list tr.highlight")).size());
            assertTrue(row.getText().contains("before the edit"), row.getText());

            // 1. comment and end changed: the same silence, updated in place
            row.findElement(By.cssSelector("button.edit")).click();
            WebElement form = browser.await(By.id("silence-form"));
            assertTrue(form.findElement(By.tagName("h2")).getText().contains(id));
            List<WebElement> rows = form.findElements(By.cssSelector(".matcher-row"));
            assertEquals(2, rows.size());
            assertEquals("job", rows.get(1).findElement(By.cssSelector(".m-name")).getDomProperty("value"));
            assertEquals("node", rows.get(1).findElement(By.cssSelector(".m-value")).getDomProperty("value"));
            WebElement comment = browser.driver.findElement(By.id("silence-comment"));
            assertEquals("before the edit", comment.getDomProperty("value"));
            assertEquals("2h", browser.driver.findElement(By.id("silence-duration")).getDomProperty("value"));
            comment.clear();
            comment.sendKeys("after the edit");
            WebElement duration = browser.driver.findElement(By.id("silence-duration"));
            duration.clear();
            duration.sendKeys("3h");
            browser.screenshot("silence-edit-form");
            browser.driver.findElement(By.id("silence-submit")).click();
            browser.awaitText(By.cssSelector("[role=status]"), "Silence " + id + " updated.");
            row = browser.await(By.cssSelector("#silence-list tr.highlight"));
            assertEquals(id, row.getDomAttribute("data-id"));
            assertTrue(row.getText().contains("after the edit"), row.getText());
            Map<String, Object> updated = silence(hub, id);
            assertEquals("active", state(updated));
            assertEquals("after the edit", updated.get("comment"));
            assertEquals(start.toString(), Instant.parse((String) updated.get("startsAt")).toString());
            assertEquals(start.plus(Duration.ofHours(3)), Instant.parse((String) updated.get("endsAt")));
            assertEquals(1, ((List<?>) SilencesNotificationsStatusIT.parse(hub.get("/api/v2/silences").body())).size());
            browser.awaitText(By.cssSelector(".tabs button[data-state=active]"), "Active (1)");

            // 2. a matcher changed: the old silence is expired and a new one (new id) mutes the hub's alert
            row.findElement(By.cssSelector("button.edit")).click();
            form = browser.await(By.id("silence-form"));
            WebElement job = form.findElements(By.cssSelector(".matcher-row")).get(1).findElement(By.cssSelector(".m-value"));
            job.clear();
            job.sendKeys("vigil-hub");
            browser.awaitText(By.id("silence-preview"), "job=\"vigil-hub\"");
            comment = browser.driver.findElement(By.id("silence-comment"));
            comment.clear();
            comment.sendKeys("now the hub");
            browser.driver.findElement(By.id("silence-submit")).click();
            browser.awaitText(By.cssSelector("[role=status]"), "replaces");
            row = browser.await(By.cssSelector("#silence-list tr.highlight"));
            String newId = row.getDomAttribute("data-id");
            assertNotEquals(id, newId);
            assertTrue(browser.driver.getCurrentUrl().endsWith("/silences?id=" + newId), browser.driver.getCurrentUrl());
            assertTrue(row.getText().contains("job=\"vigil-hub\"") && row.getText().contains("now the hub"), row.getText());
            Map<String, Object> old = silence(hub, id);
            assertEquals("expired", state(old));
            assertEquals("after the edit", old.get("comment"));
            Map<String, Object> replacement = silence(hub, newId);
            assertEquals("active", state(replacement));
            assertEquals("now the hub", replacement.get("comment"));
            assertEquals("api", replacement.get("createdBy"));
            assertEquals(start.plus(Duration.ofHours(3)), Instant.parse((String) replacement.get("endsAt")));
            assertTrue(Instant.parse((String) replacement.get("startsAt")).isAfter(start));
            String matchers = String.valueOf(replacement.get("matchers"));
            assertTrue(matchers.contains("vigil-hub") && !matchers.contains("=node"), matchers);
            hub.await(hubAlert, b -> b.contains("\"silencedBy\":[\"" + newId + "\"]"));
            hub.await(nodeAlert, b -> b.contains("\"state\":\"active\""));
            browser.awaitText(By.cssSelector(".tabs button[data-state=active]"), "Active (1)");
            browser.awaitText(By.cssSelector(".tabs button[data-state=expired]"), "Expired (1)");
            browser.screenshot("silence-edit-replaced");

            // ?id= of the expired one opens the Expired tab with it highlighted
            browser.open(hub.base + "/silences?id=" + id);
            WebElement expired = browser.await(By.cssSelector("#silence-list tr.highlight"));
            assertEquals(id, expired.getDomAttribute("data-id"));
            assertEquals("true", browser.driver.findElement(By.cssSelector(".tabs button[data-state=expired]"))
                    .getDomAttribute("aria-selected"));
            assertTrue(expired.findElement(By.cssSelector(".badge.expired")).isDisplayed());
            browser.screenshot("silence-id-expired");
            assertEquals(List.of(), browser.consoleErrors(), "silence edit");
        }
    }
}
