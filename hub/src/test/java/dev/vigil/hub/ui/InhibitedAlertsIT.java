package dev.vigil.hub.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Inhibition on the Alerts page: with UiHub's inhibit rule, an InhibitSource alert mutes the
 * InhibitTarget alert of the same cluster (posted to /api/v2/alerts). The page hides the target
 * until "Show inhibited" is on, then marks it inhibited by the source's fingerprint, as the API
 * says in {@code status.inhibitedBy}.
 */
class InhibitedAlertsIT {
    @TempDir
    Path dir;

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> only(String body) throws Exception {
        List<Map<String, Object>> alerts = (List<Map<String, Object>>) SilencesNotificationsStatusIT.parse(body);
        assertEquals(1, alerts.size(), body);
        return alerts.get(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void inhibitedAlertIsMarkedAndHiddenByTheToggle() throws Exception {
        assumeTrue(Browser.installed(), "chromium and chromium-driver (Debian) are not installed");
        assumeTrue(Files.isExecutable(UiHub.NODE_EXPORTER), "prometheus-node-exporter is not installed");
        try (UiHub hub = UiHub.start(dir, false); Browser browser = new Browser()) {
            HttpResponse<String> posted = hub.post("/api/v2/alerts", """
                    [{"labels": {"alertname": "InhibitSource", "cluster": "eu1", "severity": "critical"},
                      "annotations": {"summary": "the source"}},
                     {"labels": {"alertname": "InhibitTarget", "cluster": "eu1", "severity": "warning"},
                      "annotations": {"summary": "the target"}}]
                    """);
            assertEquals(200, posted.statusCode(), posted.body());
            String targetPath = "/api/v2/alerts?filter=" + q("alertname=\"InhibitTarget\"");
            String target = hub.await(targetPath, b -> b.contains("\"inhibitedBy\":[\""));
            Map<String, Object> source = only(hub.get("/api/v2/alerts?filter=" + q("alertname=\"InhibitSource\"")).body());
            String sourceFp = (String) source.get("fingerprint");
            Map<String, Object> status = (Map<String, Object>) only(target).get("status");
            assertEquals(List.of(sourceFp), status.get("inhibitedBy"), target);
            assertEquals("suppressed", status.get("state"), target);
            assertEquals("active", ((Map<String, Object>) source.get("status")).get("state"));

            // toggle off (the default): the source shows, the target does not
            browser.open(hub.base + "/alerts");
            browser.await(By.cssSelector("li.alert[data-alertname='InhibitSource']"));
            browser.await(By.cssSelector("li.alert[data-alertname='TargetUp']"));
            assertEquals(List.of(), browser.driver.findElements(By.cssSelector("li.alert[data-alertname='InhibitTarget']")));
            browser.awaitText(By.cssSelector("#card-inhibited .value"), "1");

            // on: the target, marked inhibited by the source's fingerprint
            WebElement toggle = browser.driver.findElement(By.id("alerts-inhibited"));
            assertTrue(!toggle.isSelected());
            toggle.click();
            WebElement shown = browser.await(By.cssSelector("li.alert[data-alertname='InhibitTarget']"));
            assertEquals("suppressed", shown.getDomAttribute("data-state"));
            assertEquals(only(target).get("fingerprint"), shown.getDomAttribute("data-fingerprint"));
            WebElement mark = shown.findElement(By.cssSelector(".inhibited-by"));
            assertEquals("inhibited by " + sourceFp, mark.getText());
            assertTrue(browser.driver.getCurrentUrl().contains("inhibited=1"), browser.driver.getCurrentUrl());
            // the source is not itself inhibited
            WebElement sourceEl = browser.driver.findElement(By.cssSelector("li.alert[data-alertname='InhibitSource']"));
            assertEquals(sourceFp, sourceEl.getDomAttribute("data-fingerprint"));
            assertEquals(List.of(), sourceEl.findElements(By.cssSelector(".inhibited-by")));
            browser.screenshot("alerts-inhibited");

            // off again: hidden
            browser.driver.findElement(By.id("alerts-inhibited")).click();
            new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                    .until(d -> d.findElements(By.cssSelector("li.alert[data-alertname='InhibitTarget']")).isEmpty());
            assertTrue(!browser.driver.getCurrentUrl().contains("inhibited=1"), browser.driver.getCurrentUrl());
            browser.await(By.cssSelector("li.alert[data-alertname='InhibitSource']"));
            assertEquals(List.of(), browser.consoleErrors(), "alerts page");
        }
    }
}
