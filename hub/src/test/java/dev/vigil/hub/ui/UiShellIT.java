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

/**
 * The app's shell in a real browser: every page path loads, the nav marks it, no console errors;
 * and the asset server over real HTTP: gzip, ETag revalidation, no way out of the asset root.
 */
class UiShellIT {
    @TempDir
    Path dir;

    @Test
    void assetsAreServedCompressedRevalidatedAndConfined() throws Exception {
        assumeTrue(Files.isExecutable(UiHub.NODE_EXPORTER), "prometheus-node-exporter is not installed");
        try (UiHub hub = UiHub.start(dir, false)) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            HttpResponse<byte[]> gz = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(hub.base + "/ui/static/vendor/dist/uPlot.iife.min.js"))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, gz.statusCode());
            assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(""));
            assertEquals("text/javascript; charset=utf-8", gz.headers().firstValue("Content-Type").orElse(""));
            String etag = gz.headers().firstValue("ETag").orElseThrow();
            HttpResponse<byte[]> again = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(hub.base + "/ui/static/vendor/dist/uPlot.iife.min.js"))
                    .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(304, again.statusCode());
            // The Targets page asks for dropped targets only on demand: state= filters as in Prometheus.
            assertTrue(hub.get("/api/v1/targets?state=dropped").body().contains("\"activeTargets\":[]"));
            String active = hub.get("/api/v1/targets?state=active").body();
            assertTrue(active.contains("\"health\":\"up\"") && active.contains("\"droppedTargets\":[]"), active);
            for (String path : new String[] {"/ui/static/../HubMain.class", "/ui/static/%2e%2e/%2e%2e/web/Json.class",
                "/ui/static/..%2f..%2fui%2fUiRoutes.class", "/ui/static/lib/../../index.html.class"}) {
                int status = rawGetStatus(hub.port, path);
                assertTrue(status == 404 || status == 400, path + " answered " + status);
            }
        }
    }

    /** A GET with the path exactly as written (no client-side normalisation), answering the status. */
    private static int rawGetStatus(int port, String path) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String status = new String(s.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

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
