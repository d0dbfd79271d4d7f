package dev.vigil.hub.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The hub UI without a mouse: from the top of a page Tab reaches the skip link, then the brand and
 * the nav links (with a visible focus ring); Enter on a nav link changes the page (Explore puts
 * focus in its editor, Silences leaves it at the page's start); in Explore a query typed and run
 * with Shift+Enter shows what the API answers; in Silences (no auth: admin) "New silence" opens
 * the form with Enter and with Space and Cancel gives focus back to it; the skip link moves focus
 * to the content without drawing the page again.
 */
class UiKeyboardIT {
    /** The focused element as "tag#id.class|text" (text cut to 40 characters). */
    private static final String ACTIVE = """
            const a = document.activeElement;
            if (!a) return '';
            return a.tagName.toLowerCase() + (a.id ? '#' + a.id : '') + (a.className ? '.' + String(a.className).split(' ').join('.') : '')
              + '|' + (a.textContent || '').trim().slice(0, 40);
            """;

    @TempDir
    Path dir;

    private static String active(Browser b) {
        return (String) b.driver.executeScript(ACTIVE);
    }

    private static void press(Browser b, CharSequence... keys) {
        new Actions(b.driver).sendKeys(keys).perform();
    }

    /** Presses Tab until the focused element's description contains {@code what}; the descriptions passed on the way. */
    private static List<String> tabTo(Browser b, String what, int max) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            press(b, Keys.TAB);
            String now = active(b);
            seen.add(now);
            if (now.contains(what)) {
                return seen;
            }
        }
        throw new AssertionError("no " + what + " within " + max + " Tabs: " + seen);
    }

    /** Presses Shift+Tab until the focused element's description contains {@code what}. */
    private static void shiftTabTo(Browser b, String what, int max) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            new Actions(b.driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            String now = active(b);
            seen.add(now);
            if (now.contains(what)) {
                return;
            }
        }
        throw new AssertionError("no " + what + " within " + max + " Shift+Tabs: " + seen);
    }

    @Test
    @SuppressWarnings("unchecked")
    void keyboardOnly() throws Exception {
        assumeTrue(Browser.installed(), "chromium and chromium-driver (Debian) are not installed");
        assumeTrue(Files.isExecutable(UiHub.NODE_EXPORTER), "prometheus-node-exporter is not installed");
        try (UiHub hub = UiHub.start(dir, false); Browser browser = new Browser()) {
            // from the top: the skip link first, then the brand and the nav in order
            browser.open(hub.base + "/targets");
            browser.await(By.cssSelector("details.pool"));
            assertTrue(active(browser).startsWith("body|"), "nothing focused at first");
            press(browser, Keys.TAB);
            assertEquals("a.skip|Skip to content", active(browser));
            assertTrue(((Number) browser.driver.executeScript(
                    "return document.activeElement.getBoundingClientRect().left")).doubleValue() >= 0, "skip link shown on focus");
            List<String> path = tabTo(browser, "|Explore", 4);
            assertEquals(List.of("a.brand|Vigil", "a|Overview", "a|Explore"), path);
            // a visible focus ring on the focused nav link
            Map<String, Object> ring = (Map<String, Object>) browser.driver.executeScript("""
                    const a = document.activeElement, s = getComputedStyle(a);
                    return {visible: a.matches(':focus-visible'), style: s.outlineStyle, width: s.outlineWidth};
                    """);
            assertEquals(true, ring.get("visible"), ring.toString());
            assertEquals("solid", ring.get("style"), ring.toString());
            assertEquals("2px", ring.get("width"), ring.toString());
            browser.screenshot("keyboard-nav-focus");

            // Enter on the nav link: Explore, whose page puts focus in its (empty) editor
            press(browser, Keys.ENTER);
            browser.await(By.cssSelector("textarea.promql-input"));
            assertTrue(browser.driver.getCurrentUrl().endsWith("/explore"), browser.driver.getCurrentUrl());
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> active(browser).startsWith("textarea"));
            assertEquals(true, browser.driver.executeScript("return document.getElementById('page').contains(document.activeElement)"));
            assertEquals("page", browser.driver.findElement(By.cssSelector("header nav a[href='/explore']")).getDomAttribute("aria-current"));
            // a query typed and run with Shift+Enter
            press(browser, "up");
            press(browser, Keys.ESCAPE); // the completion list
            new Actions(browser.driver).keyDown(Keys.SHIFT).sendKeys(Keys.ENTER).keyUp(Keys.SHIFT).perform();
            List<?> up = (List<?>) ((Map<String, Object>) ((Map<String, Object>) SilencesNotificationsStatusIT
                    .parse(hub.get("/api/v1/query?query=up").body())).get("data")).get("result");
            browser.awaitText(By.cssSelector(".explore-status"), "Result series: " + up.size());
            assertEquals(up.size(), browser.driver.findElements(By.cssSelector("#explore-panel-table tbody tr")).size());
            assertTrue(browser.driver.getCurrentUrl().contains("g0.expr=up"), browser.driver.getCurrentUrl());
            assertTrue(active(browser).startsWith("textarea"), active(browser));
            browser.screenshot("keyboard-explore");

            // back up to the nav with Shift+Tab, Enter on Silences: focus at the start of the page
            shiftTabTo(browser, "a|Silences", 12);
            press(browser, Keys.ENTER);
            browser.await(By.id("silence-new"));
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> active(browser).startsWith("main#page"));
            assertTrue(browser.driver.getCurrentUrl().endsWith("/silences"), browser.driver.getCurrentUrl());
            // Tab to "New silence" and Enter: the form, focus in its first field
            List<String> toNew = tabTo(browser, "button#silence-new", 8);
            assertTrue(toNew.get(0).contains("Active ("), "the state tabs first: " + toNew);
            press(browser, Keys.ENTER);
            browser.await(By.id("silence-form"));
            new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(d -> active(browser).startsWith("input.mono.m-name"));
            browser.screenshot("keyboard-silence-form");
            // Cancel by keyboard: focus back on the button, Space opens the form again
            tabTo(browser, "|Cancel", 40); // the date-time fields take a Tab per part
            press(browser, Keys.ENTER);
            new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(d -> d.findElements(By.id("silence-form")).isEmpty());
            assertTrue(active(browser).startsWith("button#silence-new"), "focus back on the button: " + active(browser));
            press(browser, Keys.SPACE);
            browser.await(By.id("silence-form"));

            // the skip link: focus to the content, the page neither reloaded nor drawn again
            browser.open(hub.base + "/targets");
            browser.await(By.cssSelector("details.pool"));
            browser.driver.executeScript("document.querySelector('details.pool').vigilMark = true");
            press(browser, Keys.TAB);
            assertEquals("a.skip|Skip to content", active(browser));
            press(browser, Keys.ENTER);
            assertTrue(active(browser).startsWith("main#page"), active(browser));
            Thread.sleep(500);
            assertEquals(true, browser.driver.executeScript("return document.querySelector('details.pool').vigilMark === true"));
            List<String> next = tabTo(browser, "", 1);
            assertEquals(true, browser.driver.executeScript("return document.getElementById('page').contains(document.activeElement)"),
                    "Tab after the skip link goes into the page: " + next);
            assertEquals(List.of(), browser.consoleErrors(), "keyboard");
        }
    }
}
