package dev.vigil.exporter.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;

/** The page at {@code /}: the exporter's name, version and a link to its metrics, as the toolkit's landing page. */
final class LandingPage implements Handler {
    private final byte[] html;

    LandingPage(String name, String description, String version, String telemetryPath) {
        String link = telemetryPath.startsWith("/") ? telemetryPath.substring(1) : telemetryPath;
        this.html = ("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="UTF-8">
                <title>%1$s</title>
                <style>
                body { font-family: -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; }
                header { background: #1f2a44; color: #fff; padding: 0.75em 1em; font-size: 1.25em; }
                main { padding: 1em; }
                </style>
                </head>
                <body>
                <header>%1$s</header>
                <main>
                <h2>%2$s</h2>
                <div>Version: %3$s</div>
                <ul>
                <li><a href="%4$s">Metrics</a></li>
                <li><a href="-/healthy">Health</a></li>
                </ul>
                </main>
                </body>
                </html>
                """).formatted(escape(name), escape(description), escape(version), escape(link))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8").send(html);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
