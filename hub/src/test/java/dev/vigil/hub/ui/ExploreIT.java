package dev.vigil.hub.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Explore page in a real browser against a real hub: completion from the label APIs, the
 * table and graph match the query APIs, parse errors as the API words them, an alert's
 * generatorURL opens its query, and a 200 x 240 graph draws in under 200 ms.
 */
class ExploreIT {
    private static final Json JSON = new Json();

    @TempDir
    Path dir;

    @Test
    void explore() throws Exception {
        assumeTrue(Browser.installed(), "chromium and chromium-driver (Debian) are not installed");
        assumeTrue(Files.isExecutable(UiHub.NODE_EXPORTER), "prometheus-node-exporter is not installed");
        try (UiHub hub = UiHub.start(dir, false); Browser browser = new Browser()) {
            hub.await("/api/v1/query?query=node_load1", b -> b.contains("\"result\":[{"));
            Thread.sleep(3000); // so that a fixed time two seconds ago has samples
            browser.open(hub.base + "/explore");
            WebElement input = browser.await(By.cssSelector("textarea.promql-input"));

            // metric name completion: type, move with the arrows, accept with Enter
            input.sendKeys("node_load");
            browser.await(By.xpath("//ul[@role='listbox']/li[@role='option'][span[@class='name' and text()='node_load15']]"));
            browser.screenshot("explore-complete");
            List<String> offered = browser.driver.findElements(By.cssSelector("ul[role=listbox] li[role=option] .name"))
                    .stream().map(WebElement::getText).toList();
            assertEquals(List.of("node_load1", "node_load15", "node_load5"), offered);
            input.sendKeys(Keys.ESCAPE); // closes the list, Ctrl+Space opens it again
            assertTrue(browser.driver.findElement(By.cssSelector("ul[role=listbox]")).getAttribute("hidden") != null);
            input.sendKeys(Keys.chord(Keys.CONTROL, Keys.SPACE));
            browser.await(By.cssSelector("ul[role=listbox] li[role=option]"));
            input.sendKeys(Keys.ARROW_DOWN);
            assertEquals("true", browser.driver.findElements(By.cssSelector("li[role=option]")).get(1).getAttribute("aria-selected"));
            input.sendKeys(Keys.ARROW_UP, Keys.ENTER);
            assertEquals("node_load1", input.getDomProperty("value"));
            assertTrue(browser.driver.findElement(By.cssSelector("ul[role=listbox]")).getAttribute("hidden") != null);

            // the table at a fixed evaluation time shows exactly what the API answers for it
            long at = System.currentTimeMillis() / 1000 - 2;
            WebElement eval = browser.await(By.id("explore-eval"));
            eval.sendKeys(Long.toString(at));
            input.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
            List<Map<String, Object>> api = result(hub.get("/api/v1/query?query=node_load1&time=" + at).body());
            browser.awaitText(By.cssSelector(".explore-status"), "Result series: " + api.size());
            List<WebElement> rows = browser.driver.findElements(By.cssSelector("#explore-panel-table tbody tr"));
            assertEquals(api.size(), rows.size());
            @SuppressWarnings("unchecked")
            Map<String, String> metric = (Map<String, String>) api.get(0).get("metric");
            String shown = rows.get(0).getText();
            for (Map.Entry<String, String> l : metric.entrySet()) {
                assertTrue(shown.contains(l.getKey() + "=\"" + l.getValue() + "\""), shown);
            }
            assertEquals(((List<?>) api.get(0).get("value")).get(1), rows.get(0).findElement(By.cssSelector(".value")).getText());
            assertTrue(browser.driver.getCurrentUrl().contains("g0.expr=node_load1"), browser.driver.getCurrentUrl());
            assertTrue(browser.driver.getCurrentUrl().contains("g0.tab=1"), browser.driver.getCurrentUrl());
            browser.screenshot("explore-table");

            // label name and label value completion inside {}
            eval.clear();
            eval.sendKeys(Keys.TAB); // "now" again
            input.clear();
            input.sendKeys("up{jo");
            browser.await(By.xpath("//li[@role='option'][span[@class='name' and text()='job']]"));
            input.sendKeys(Keys.TAB);
            input.sendKeys("=\"no");
            browser.await(By.xpath("//li[@role='option'][span[@class='name' and text()='node']]"));
            input.sendKeys(Keys.ENTER);
            assertEquals("up{job=\"node\"", input.getDomProperty("value"));
            input.sendKeys("}", Keys.chord(Keys.CONTROL, Keys.ENTER));
            browser.awaitText(By.cssSelector(".explore-status"), "Result series: 1");
            assertTrue(browser.driver.findElement(By.cssSelector("#explore-panel-table tbody")).getText().contains("job=\"node\""));

            // the graph: a multi-series range query, the legend has as many series as the API answers
            String byMode = "sum by (mode) (node_cpu_seconds_total)";
            setExpr(browser, byMode);
            browser.driver.findElement(By.id("explore-tab-graph")).click();
            new Select(browser.await(By.id("explore-range"))).selectByValue("5m");
            browser.awaitText(By.cssSelector(".explore-status"), "Resolution: 1s");
            WebElement canvas = browser.await(By.cssSelector(".explore-chart canvas"));
            long now = System.currentTimeMillis() / 1000;
            List<Map<String, Object>> range = result(hub.get("/api/v1/query_range?query=" + enc(byMode) + "&start="
                    + (now - 300) + "&end=" + now + "&step=1").body());
            assertTrue(range.size() > 1, "series by mode: " + range.size());
            new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> d.findElements(
                    By.cssSelector(".explore-chart .u-legend tr.u-series")).size() == range.size() + 1);
            String url = browser.driver.getCurrentUrl();
            assertTrue(url.contains("g0.tab=0") && url.contains("g0.range_input=5m"), url);
            // legend values follow the cursor
            WebElement over = browser.driver.findElement(By.cssSelector(".explore-chart .u-over"));
            new Actions(browser.driver).moveToElement(over, over.getSize().width / 2 - 4, 0).perform();
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> !d.findElements(
                    By.cssSelector(".explore-chart .u-legend tr.u-series td.u-value")).get(1).getText().isBlank());
            assertTrue(canvas.getSize().width > 300);
            browser.driver.findElement(By.id("explore-stacked")).click();
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("g0.stacked=1"));
            browser.await(By.cssSelector(".explore-chart canvas"));
            browser.screenshot("explore-graph");

            assertEquals(List.of(), browser.consoleErrors());

            // a bad query: the API's own parse error under the editor, a caret at its position
            browser.driver.findElement(By.id("explore-tab-table")).click();
            String bad = "sum(rate(node_load1[5m])";
            setExpr(browser, bad);
            browser.driver.findElement(By.xpath("//button[text()='Execute']")).click();
            Map<?, ?> failure = JSON.toType(hub.get("/api/v1/query?query=" + enc(bad)).body(), Map.class);
            String apiError = String.valueOf(failure.get("error"));
            assertTrue(apiError.contains("parse error"), apiError);
            WebElement error = browser.await(By.cssSelector(".promql-error .error"));
            assertEquals(apiError, error.getText());
            String caret = browser.await(By.cssSelector(".promql-error .promql-caret")).getText();
            int col = Integer.parseInt(apiError.replaceAll("(?s).*?1:(\\d+): parse error.*", "$1"));
            assertEquals(bad + "\n" + " ".repeat(col - 1) + "^", caret);
            browser.screenshot("explore-parse-error");
            // the browser logs the 400 of the failed query itself; nothing else may be there
            for (String logged : browser.consoleErrors()) {
                assertTrue(logged.contains("/api/v1/query") && logged.contains("400"), logged);
            }

            // an alert's generatorURL opens at once in the table
            browser.open(hub.base + "/graph?g0.expr=up&g0.tab=1");
            List<Map<String, Object>> up = result(hub.get("/api/v1/query?query=up").body());
            browser.awaitText(By.cssSelector(".explore-status"), "Result series: " + up.size());
            assertEquals("up", browser.await(By.cssSelector("textarea.promql-input")).getDomProperty("value"));
            String upRows = browser.driver.findElement(By.cssSelector("#explore-panel-table tbody")).getText();
            assertEquals(up.size(), browser.driver.findElements(By.cssSelector("#explore-panel-table tbody tr")).size());
            for (Map<String, Object> s : up) {
                assertTrue(upRows.contains("job=\"" + ((Map<?, ?>) s.get("metric")).get("job") + "\""), upRows);
            }
            browser.screenshot("explore-generator-url");

            // 200 series x 240 points from the hub's query engine, drawn in under 200 ms
            String many = IntStream.range(0, 200).mapToObj(i -> "label_replace(vector(time() % 600 + " + i
                    + "), \"series\", \"s" + i + "\", \"\", \"\")").collect(Collectors.joining(" or "));
            long end = System.currentTimeMillis() / 1000;
            List<Map<String, Object>> big = result(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(hub.base + "/api/v1/query_range")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("query=" + enc(many) + "&start=" + (end - 239) + "&end=" + end
                            + "&step=1")).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(200, big.size());
            assertEquals(240, ((List<?>) big.get(0).get("values")).size());
            browser.open(hub.base + "/graph?g0.tab=0&g0.range_input=239s&g0.step_input=1");
            browser.await(By.cssSelector("textarea.promql-input"));
            setExpr(browser, many);
            browser.driver.findElement(By.xpath("//button[text()='Execute']")).click();
            browser.awaitText(By.cssSelector(".explore-status"), "Result series: 200");
            WebElement chart = browser.await(By.cssSelector(".explore-chart[data-render-ms]"));
            double pageMs = Double.parseDouble(chart.getDomAttribute("data-render-ms"));
            assertEquals("200", chart.getDomAttribute("data-series"));
            assertTrue(browser.driver.findElement(By.cssSelector(".explore-graph-info")).getText().startsWith("200 series · 48k points"));
            browser.screenshot("explore-200-series");
            // and drawChart alone on a synthetic 200 x 240 matrix, best of three (the first warms up the JIT)
            Object direct = browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    import('/ui/static/lib/chart.js').then(async m => {
                      const end = 1700000000, step = 15, start = end - 239 * step;
                      const matrix = [];
                      for (let s = 0; s < 200; s++) {
                        const values = [];
                        for (let i = 0; i < 240; i++) values.push([start + i * step, String(Math.sin(i / 20 + s) * 100 + s)]);
                        matrix.push({ metric: { __name__: 'synthetic', series: 's' + s }, values });
                      }
                      const times = [];
                      for (let run = 0; run < 3; run++) {
                        const el = document.createElement('div');
                        el.style.width = '1200px';
                        document.body.append(el);
                        const t0 = performance.now();
                        const plot = m.drawChart(el, matrix, { start, end, step });
                        await new Promise(r => setTimeout(r, 0));
                        times.push(performance.now() - t0);
                        plot.destroy();
                        el.remove();
                      }
                      done(times.join(','));
                    }).catch(e => done('error ' + e));
                    """);
            List<Double> times = java.util.Arrays.stream(String.valueOf(direct).split(",")).map(Double::parseDouble).toList();
            double best = times.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            System.out.printf("explore: 200 series x 240 points drawn in %.1f ms on the page (result to painted chart), "
                    + "drawChart alone %s ms%n", pageMs, times);
            assertTrue(pageMs < 200, "page draw " + pageMs + " ms");
            assertTrue(best < 200, "drawChart " + times + " ms");
            assertEquals(List.of(), browser.consoleErrors());
        }
    }

    /** Puts an expression in the editor (long ones are too slow to type) as typing would. */
    private static void setExpr(Browser browser, String expr) {
        browser.driver.executeScript("const t = document.querySelector('textarea.promql-input'); t.value = arguments[0];"
                + "t.dispatchEvent(new Event('input')); t.blur();", expr);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> result(String body) {
        Map<String, Object> json = JSON.toType(body, Map.class);
        return (List<Map<String, Object>>) ((Map<String, Object>) json.get("data")).get("result");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
