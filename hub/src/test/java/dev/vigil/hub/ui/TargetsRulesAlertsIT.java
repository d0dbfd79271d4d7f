package dev.vigil.hub.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Targets, Rules and Alerts pages in a real browser against a real hub: each shows what its
 * API answers (pools with their up counts and endpoints, discovery sources, dropped targets; the
 * {@code fleet} group's rules with their states; the Alertmanager's alert groups), a silence made
 * through the API hides the alert it matches until the "silenced" toggle is on, and no page logs
 * a console error.
 */
class TargetsRulesAlertsIT {
    private static final Json JSON = new Json();

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static <T> T parse(String body) {
        return (T) JSON.toType(body, Object.class);
    }

    @SuppressWarnings("unchecked")
    private static <T> T data(UiHub hub, String path) throws Exception {
        Map<String, Object> envelope = parse(hub.get(path).body());
        return (T) envelope.get("data");
    }

    @Test
    void targetsRulesAndAlertsShowWhatTheApisAnswer() throws Exception {
        assumeTrue(Browser.installed(), "chromium and chromium-driver (Debian) are not installed");
        assumeTrue(Files.isExecutable(UiHub.NODE_EXPORTER), "prometheus-node-exporter is not installed");
        try (UiHub hub = UiHub.start(dir, false); Browser browser = new Browser()) {
            targets(hub, browser);
            rules(hub, browser);
            alerts(hub, browser);
        }
    }

    @SuppressWarnings("unchecked")
    private void targets(UiHub hub, Browser browser) throws Exception {
        Map<String, Object> api = data(hub, "/api/v1/targets");
        Map<String, int[]> pools = new TreeMap<>();
        Map<String, TreeSet<String>> endpoints = new TreeMap<>();
        for (Map<String, Object> t : (List<Map<String, Object>>) api.get("activeTargets")) {
            String pool = (String) t.get("scrapePool");
            int[] upTotal = pools.computeIfAbsent(pool, k -> new int[2]);
            upTotal[0] += "up".equals(t.get("health")) ? 1 : 0;
            upTotal[1]++;
            endpoints.computeIfAbsent(pool, k -> new TreeSet<>()).add((String) t.get("scrapeUrl"));
        }
        assertEquals(List.of("node", "vigil-hub"), List.copyOf(pools.keySet()));

        browser.open(hub.base + "/targets");
        for (Map.Entry<String, int[]> pool : pools.entrySet()) {
            String section = "details.pool[data-job='" + pool.getKey() + "']";
            browser.awaitText(By.cssSelector(section + " h2"),
                    "(" + pool.getValue()[0] + "/" + pool.getValue()[1] + " up)");
            TreeSet<String> shown = new TreeSet<>();
            for (WebElement a : browser.driver.findElements(By.cssSelector(section + " a.endpoint"))) {
                shown.add(a.getText());
            }
            assertEquals(endpoints.get(pool.getKey()), shown, pool.getKey());
        }
        assertEquals(Set2.of(hub.base + "/metrics", "http://127.0.0.1:" + hub.nodePort + "/metrics"),
                Set2.union(endpoints.values()));

        // discovery sources: each pool's static_configs, with the targets it produced
        Map<String, Object> discovery = data(hub, "/api/vigil/v1/discovery");
        assertEquals(Boolean.TRUE, discovery.get("configKnown"));
        for (Map<String, Object> pool : (List<Map<String, Object>>) discovery.get("pools")) {
            List<Map<String, Object>> sources = (List<Map<String, Object>>) pool.get("sources");
            assertEquals(1, sources.size(), pool.toString());
            Map<String, Object> source = sources.get(0);
            assertEquals("static_configs", source.get("mechanism"));
            assertEquals(1L, ((Number) source.get("active")).longValue());
            browser.awaitText(By.cssSelector("details.pool[data-job='" + pool.get("job")
                    + "'] .sources li[data-mechanism='static_configs']"),
                    "→ " + source.get("active") + " active (" + source.get("up") + " up), " + source.get("dropped") + " dropped");
        }

        // discovered labels (before relabeling) in a details element
        WebElement discovered = browser.driver.findElement(By.cssSelector("details.pool[data-job='node'] details.discovered"));
        discovered.findElement(By.tagName("summary")).click();
        assertTrue(discovered.getText().contains("__address__=\"127.0.0.1:" + hub.nodePort + "\""), discovered.getText());
        browser.screenshot("targets");

        // the filter hides the other pool and goes into the URL
        WebElement filter = browser.driver.findElement(By.id("targets-filter"));
        filter.sendKeys("job=\"node\"");
        awaitCount(browser, "details.pool", 1);
        assertTrue(browser.driver.getCurrentUrl().contains("q=job"), browser.driver.getCurrentUrl());
        browser.driver.findElement(By.id("targets-unhealthy")).click();
        browser.awaitText(By.id("pools"), "No target matches the filter.");
        browser.driver.findElement(By.id("targets-unhealthy")).click();
        filter.clear();
        filter.sendKeys(" ");
        awaitCount(browser, "details.pool", 2);

        // dropped targets: none in this config, and the page says so
        List<Object> dropped = (List<Object>) ((Map<String, Object>) data(hub, "/api/v1/targets?state=dropped"))
                .get("droppedTargets");
        browser.driver.findElement(By.id("show-dropped")).click();
        browser.awaitText(By.cssSelector("#dropped h2"), "Dropped targets (" + dropped.size() + ")");
        assertEquals(0, dropped.size());
        browser.awaitText(By.id("no-dropped"), "No targets were dropped by relabeling.");
        browser.screenshot("targets-dropped");

        // TLS and authentication failures in plain words (the page module's own function)
        Object explained = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/ui/static/pages/targets.js').then(m => done([
                  m.explainError('Get "https://h:9100/metrics": tls: failed to verify certificate: x509: certificate signed by unknown authority'),
                  m.explainError('server returned HTTP status 401 Unauthorized'),
                  m.explainError('server returned HTTP status 403 Forbidden'),
                  m.explainError('dial tcp 127.0.0.1:1: connect: connection refused')].map(e => e.kind + '|' + e.text + '|' + e.hint)))
                  .catch(e => done(String(e)));
                """);
        List<String> lines = (List<String>) explained;
        assertTrue(lines.get(0).startsWith("tls|TLS: Get \"https://h:9100/metrics\": tls: failed to verify certificate"), lines.get(0));
        assertTrue(lines.get(0).contains("tls_config.ca_file"), lines.get(0));
        assertTrue(lines.get(1).startsWith("auth|Authentication failed (HTTP 401): check basic_auth/authorization|"), lines.get(1));
        assertTrue(lines.get(2).startsWith("auth|Authentication failed (HTTP 403): check basic_auth/authorization|"), lines.get(2));
        assertEquals("|dial tcp 127.0.0.1:1: connect: connection refused|", lines.get(3));
        assertEquals(List.of(), browser.consoleErrors(), "targets page");
    }

    @SuppressWarnings("unchecked")
    private void rules(UiHub hub, Browser browser) throws Exception {
        hub.await("/api/v1/rules", body -> body.contains("\"state\":\"pending\"") && body.contains("\"state\":\"firing\""));
        Map<String, Object> api = data(hub, "/api/v1/rules");
        List<Map<String, Object>> groups = (List<Map<String, Object>>) api.get("groups");
        assertEquals(1, groups.size());
        Map<String, Object> fleet = groups.get(0);
        assertEquals("fleet", fleet.get("name"));
        List<Map<String, Object>> rules = (List<Map<String, Object>>) fleet.get("rules");
        assertEquals(3, rules.size());

        browser.open(hub.base + "/rules");
        browser.await(By.cssSelector("section.rule-group[data-group='fleet'] .rule"));
        List<WebElement> shown = browser.driver.findElements(By.cssSelector("section.rule-group[data-group='fleet'] .rule"));
        assertEquals(3, shown.size());
        for (int i = 0; i < rules.size(); i++) {
            Map<String, Object> rule = rules.get(i);
            WebElement el = shown.get(i);
            assertEquals(rule.get("name"), el.getAttribute("data-rule"));
            assertEquals(rule.get("health"), el.getAttribute("data-health"));
            if ("alerting".equals(rule.get("type"))) {
                assertEquals(rule.get("state"), el.getAttribute("data-state"), (String) rule.get("name"));
                assertEquals(((List<?>) rule.get("alerts")).size(), el.findElements(By.cssSelector("tr.rule-alert")).size());
            } else {
                assertEquals("recording", el.getAttribute("data-state"));
            }
            String href = el.findElement(By.cssSelector("a.rule-query")).getAttribute("href");
            assertEquals(hub.base + "/explore?g0.expr=" + java.net.URLEncoder.encode((String) rule.get("query"),
                    StandardCharsets.UTF_8) + "&g0.tab=1", href);
        }
        assertEquals("firing", browser.driver.findElement(By.cssSelector(".rule[data-rule='TargetUp']")).getAttribute("data-state"));
        assertEquals("pending", browser.driver.findElement(By.cssSelector(".rule[data-rule='SlowToFire']")).getAttribute("data-state"));
        assertTrue(browser.driver.findElement(By.cssSelector(".rule[data-rule='TargetUp'] .badge.firing")).isDisplayed());
        browser.screenshot("rules");

        // the state filter, from the URL
        browser.open(hub.base + "/rules?state=pending");
        browser.await(By.cssSelector(".rule[data-rule='SlowToFire']"));
        assertEquals(1, browser.driver.findElements(By.cssSelector(".rule")).size());
        assertTrue(browser.driver.findElement(By.id("rules-state-pending")).isSelected());
        assertEquals(List.of(), browser.consoleErrors(), "rules page");
    }

    @SuppressWarnings("unchecked")
    private void alerts(UiHub hub, Browser browser) throws Exception {
        String node = "127.0.0.1:" + hub.nodePort;
        hub.await("/api/v2/alerts/groups?silenced=false&inhibited=false",
                body -> body.contains("\"instance\":\"" + node + "\"") && body.contains("\"instance\":\"127.0.0.1:" + hub.port + "\""));
        List<Map<String, Object>> groups = parse(hub.get("/api/v2/alerts/groups?silenced=false&inhibited=false").body());
        int targetUp = 0;
        for (Map<String, Object> g : groups) {
            if ("TargetUp".equals(((Map<String, Object>) g.get("labels")).get("alertname"))) {
                targetUp += ((List<?>) g.get("alerts")).size();
            }
        }
        assertEquals(2, targetUp);

        browser.open(hub.base + "/alerts");
        browser.await(By.cssSelector("section.alert-group[data-alertname='TargetUp'] li.alert"));
        assertEquals(targetUp, browser.driver.findElements(By.cssSelector("section.alert-group[data-alertname='TargetUp'] li.alert")).size());
        assertEquals("team", browser.driver.findElement(By.cssSelector("section.alert-group[data-alertname='TargetUp'] .receiver")).getText());
        // the rule side's counts as /api/v1/alerts says
        List<Map<String, Object>> ruleAlerts = (List<Map<String, Object>>) ((Map<String, Object>) data(hub, "/api/v1/alerts")).get("alerts");
        long firing = ruleAlerts.stream().filter(a -> "firing".equals(a.get("state"))).count();
        long pending = ruleAlerts.stream().filter(a -> "pending".equals(a.get("state"))).count();
        browser.awaitText(By.cssSelector("#card-firing .value"), String.valueOf(firing));
        browser.awaitText(By.cssSelector("#card-pending .value"), String.valueOf(pending));
        // each alert's Silence link pre-fills the new silence with its labels
        WebElement nodeAlert = browser.driver.findElement(By.cssSelector("li.alert[data-instance='" + node + "']"));
        String silenceHref = URLDecoder.decode(nodeAlert.findElement(By.cssSelector("a.silence")).getAttribute("href"),
                StandardCharsets.UTF_8);
        assertTrue(silenceHref.startsWith(hub.base + "/silences?new=1&filter={alertname=\"TargetUp\", "), silenceHref);
        assertTrue(silenceHref.contains("instance=\"" + node + "\""), silenceHref);
        assertTrue(nodeAlert.findElement(By.cssSelector("a.source")).getAttribute("href").contains("g0.expr="));
        browser.screenshot("alerts");

        // a silence through the Alertmanager API hides the node's alert unless "silenced" is on
        String silence = """
                {"matchers": [{"name": "alertname", "value": "TargetUp", "isRegex": false, "isEqual": true},
                  {"name": "instance", "value": "%s", "isRegex": false, "isEqual": true}],
                 "startsAt": "2020-01-01T00:00:00Z", "endsAt": "2099-01-01T00:00:00Z",
                 "createdBy": "TargetsRulesAlertsIT", "comment": "hide the node's TargetUp"}
                """.formatted(node);
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hub.base + "/api/v2/silences"))
                .header("Content-Type", "application/json").header("Authorization", UiHub.basic("alice", UiHub.ADMIN_PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString(silence)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, created.statusCode(), created.body());
        String id = (String) ((Map<String, Object>) parse(created.body())).get("silenceID");
        hub.await("/api/v2/alerts?silenced=true&inhibited=true", body -> body.contains(id));

        browser.open(hub.base + "/alerts");
        browser.await(By.cssSelector("section.alert-group[data-alertname='TargetUp'] li.alert"));
        assertEquals(List.of(), browser.driver.findElements(By.cssSelector("li.alert[data-instance='" + node + "']")));
        assertEquals(1, browser.driver.findElements(By.cssSelector("section.alert-group[data-alertname='TargetUp'] li.alert")).size());
        browser.awaitText(By.cssSelector("#card-silenced .value"), "1");

        browser.driver.findElement(By.id("alerts-silenced")).click();
        WebElement silenced = browser.await(By.cssSelector("li.alert[data-instance='" + node + "'][data-silenced='1']"));
        assertEquals("suppressed", silenced.getAttribute("data-state"));
        assertTrue(silenced.getText().contains("silenced by " + id), silenced.getText());
        assertEquals(hub.base + "/silences?id=" + id,
                silenced.findElement(By.cssSelector(".silenced-by a")).getAttribute("href"));
        assertTrue(browser.driver.getCurrentUrl().contains("silenced=1"), browser.driver.getCurrentUrl());
        browser.screenshot("alerts-silenced");

        // the matcher filter goes to the API: only the node's alert is left
        WebElement filter = browser.driver.findElement(By.id("alerts-filter"));
        filter.sendKeys("{job=\"node\"}");
        browser.driver.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector("li.alert")).size() == 1
                && !d.findElements(By.cssSelector("li.alert[data-instance='" + node + "']")).isEmpty());
        assertTrue(browser.driver.getCurrentUrl().contains("filter="), browser.driver.getCurrentUrl());

        // the toggle off again: hidden
        browser.driver.findElement(By.id("alerts-silenced")).click();
        browser.awaitText(By.id("alert-groups"), "No alert matches the filter.");
        assertFalse(browser.driver.getCurrentUrl().contains("silenced=1"));
        assertEquals(List.of(), browser.consoleErrors(), "alerts page");
    }

    private static void awaitCount(Browser browser, String css, int count) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector(css)).size() == count);
    }

    /** Small set helpers for readable assertions. */
    private static final class Set2 {
        static TreeSet<String> of(String... values) {
            return new TreeSet<>(List.of(values));
        }

        static TreeSet<String> union(java.util.Collection<TreeSet<String>> sets) {
            TreeSet<String> out = new TreeSet<>();
            sets.forEach(out::addAll);
            return out;
        }
    }
}
