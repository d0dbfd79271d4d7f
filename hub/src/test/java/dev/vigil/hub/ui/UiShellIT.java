package dev.vigil.hub.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** The app's shell in a real browser: every page path loads, the nav marks it, no console errors. */
class UiShellIT {
    @TempDir
    Path dir;

    @Test
    void everyPageLoadsWithoutConsoleErrors() throws Exception {
        assumeTrue(Browser.installed(), "chromium and chromium-driver (Debian) are not installed");
        assumeTrue(Files.isExecutable(UiHub.NODE_EXPORTER), "prometheus-node-exporter is not installed");
        try (UiHub hub = UiHub.start(dir, false); Browser browser = new Browser()) {
            HttpResponse<String> shell = hub.get("/");
            assertEquals(200, shell.statusCode());
            assertTrue(shell.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
            for (String page : new String[] {"overview", "explore", "targets", "alerts", "rules", "silences",
                "notifications", "status"}) {
                browser.open(hub.base + "/" + page);
                browser.await(By.cssSelector("header nav a[aria-current=page][href='/" + page + "']"));
                browser.await(By.cssSelector("main#page > *"));
                Thread.sleep(500);
                browser.screenshot("shell-" + page);
                assertEquals(java.util.List.of(), browser.consoleErrors(), page);
            }
        }
    }
}
