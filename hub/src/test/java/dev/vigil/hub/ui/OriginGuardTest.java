package dev.vigil.hub.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OriginGuardTest {
    @Test
    void originMustNameTheHostTheRequestWasSentTo() {
        assertTrue(OriginGuard.sameHost("http://hub.example:9090", "hub.example:9090"));
        assertTrue(OriginGuard.sameHost("http://HUB.example:9090", "hub.example:9090"));
        assertTrue(OriginGuard.sameHost("https://hub.example", "hub.example"));
        assertTrue(OriginGuard.sameHost("https://hub.example", "hub.example:443"));
        assertTrue(OriginGuard.sameHost("http://[::1]:9090", "[::1]:9090"));
        assertFalse(OriginGuard.sameHost("http://evil.example:9090", "hub.example:9090"));
        assertFalse(OriginGuard.sameHost("http://hub.example:9091", "hub.example:9090"));
        assertFalse(OriginGuard.sameHost("http://hub.example.evil.example:9090", "hub.example:9090"));
        assertFalse(OriginGuard.sameHost("null", "hub.example:9090"));
        assertFalse(OriginGuard.sameHost("not a url", "hub.example:9090"));
        assertFalse(OriginGuard.sameHost("http://hub.example:9090", ""));
    }
}
