package dev.vigil.hub.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Explore shows the query API's {@code warnings} above the result, in both tabs, and none when the
 * answer has none. The hub's PromQL engine gives no warnings yet, so the page's fetch is wrapped to
 * add one to the real answers of /api/v1/query and /api/v1/query_range.
 */
class ExploreWarningsIT {
    private static final String ADD_WARNING = """
            window.realFetch = window.fetch;
            window.fetch = async (input, init) => {
              const res = await window.realFetch(input, init);
              const path = new URL(input instanceof Request ? input.url : String(input), location.origin).pathname;
              if (path !== '/api/v1/query' && path !== '/api/v1/query_range') return res;
              const json = await res.json();
              json.warnings = ['the test added this warning'];
              return new Response(JSON.stringify(json), { status: res.status, headers: res.headers });
            };
            """;

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void warningsShowAboveTheResult() throws Exception {
        assumeTrue(Browser.installed(), "chromium and chromium-driver (Debian) are not installed");
        assumeTrue(Files.isExecutable(UiHub.NODE_EXPORTER), "prometheus-node-exporter is not installed");
        try (UiHub hub = UiHub.start(dir, false); Browser browser = new Browser()) {
            List<?> up = (List<?>) ((Map<String, Object>) ((Map<String, Object>) SilencesNotificationsStatusIT
                    .parse(hub.get("/api/v1/query?query=up").body())).get("data")).get("result");
            // A 5m range at 1 s resolution: the hub started seconds ago, and the default hour's 14 s steps
            // could all fall before its first samples (an empty graph, no canvas).
            browser.open(hub.base + "/explore?g0.range_input=5m");
            WebElement input = browser.await(By.cssSelector("textarea.promql-input"));
            browser.driver.executeScript(ADD_WARNING);
            input.sendKeys("up", Keys.ESCAPE, Keys.chord(Keys.SHIFT, Keys.ENTER));
            browser.awaitText(By.id("explore-warnings"), "Warning: the test added this warning");
            browser.awaitText(By.cssSelector(".explore-status"), "Result series: " + up.size());
            // the warnings are not a field of the data: the table is as without them
            assertEquals(up.size(), browser.driver.findElements(By.cssSelector("#explore-panel-table tbody tr")).size());
            browser.screenshot("explore-warnings");

            browser.driver.findElement(By.id("explore-tab-graph")).click();
            browser.await(By.cssSelector(".explore-chart canvas"));
            assertEquals(1, browser.driver.findElements(By.cssSelector("#explore-warnings li")).size());
            assertTrue(browser.driver.findElement(By.id("explore-warnings")).isDisplayed());

            // an answer without warnings clears them
            browser.driver.executeScript("window.fetch = window.realFetch");
            browser.driver.findElement(By.id("explore-tab-table")).click();
            new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                    .until(d -> d.findElements(By.cssSelector("#explore-warnings li")).isEmpty());
            browser.awaitText(By.cssSelector(".explore-status"), "Result series: " + up.size());
            assertEquals(List.of(), browser.consoleErrors(), "explore");
        }
    }
}
