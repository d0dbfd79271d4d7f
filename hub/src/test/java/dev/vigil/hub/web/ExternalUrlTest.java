package dev.vigil.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExternalUrlTest {
    @Test
    void trailingSlashesGoAsInPrometheus() {
        assertEquals("http://hub.example:9090", ExternalUrl.compute("http://hub.example:9090/", 9090));
        assertEquals("https://ops.example/vigil", ExternalUrl.compute("https://ops.example/vigil///", 9090));
        assertEquals("https://ops.example/vigil", ExternalUrl.compute("https://ops.example/vigil", 9090));
        assertEquals("/vigil", ExternalUrl.compute("vigil/", 9090));
    }

    @Test
    void emptyIsThisHostAndTheListenPort() {
        String url = ExternalUrl.compute("", 9191);
        assertTrue(url.startsWith("http://") && url.endsWith(":9191") && url.length() > "http://:9191".length(), url);
    }

    @Test
    void quotesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExternalUrl.compute("\"http://hub:9090/\"", 9090));
        assertEquals("parse external URL \"\"http://hub:9090/\"\": URL must not begin or end with quotes", e.getMessage());
    }
}
