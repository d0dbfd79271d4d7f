package dev.vigil.hub.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class StaticAssetsTest {
    private final StaticAssets assets = new StaticAssets(UiRoutes.RESOURCE_ROOT, getClass().getClassLoader());

    @Test
    void namesThatCouldLeaveTheRootAreNeverLookedUp() {
        for (String name : new String[] {"../HubMain.class", "static/../../web/Json.class", "/etc/passwd",
            "static//app.js", "static/.hidden.js", "static\\app.js", "static/%2e%2e/x.js", "static/app.js/..",
            "", "static/app.class", "static/app.js?x", "..", "static/..%2fapp.js"}) {
            assertFalse(StaticAssets.allowed(name), name);
            assertTrue(assets.get(name).isEmpty(), name);
        }
        assertTrue(StaticAssets.allowed("static/pages/explore.js"));
    }

    @Test
    void assetsComeWithTypeEtagAndAGzipThatInflatesToTheSameBytes() throws Exception {
        StaticAssets.Asset js = assets.get("static/app.js").orElseThrow();
        assertEquals("text/javascript; charset=utf-8", js.contentType());
        assertTrue(js.etag().matches("\"[0-9a-f]{16}\""), js.etag());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(js.gzip()))) {
            assertArrayEquals(js.bytes(), in.readAllBytes());
        }
        assertEquals("text/html; charset=utf-8", assets.get("index.html").orElseThrow().contentType());
        assertTrue(assets.get("static/no-such.js").isEmpty());
    }
}
