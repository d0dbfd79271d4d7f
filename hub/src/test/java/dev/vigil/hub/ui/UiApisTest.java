package dev.vigil.hub.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.alerting.am.alert.AmAlert;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage API's directory sizes and the test notification's synthetic alert. */
class UiApisTest {
    @TempDir
    Path dir;

    @Test
    void sizeSumsRegularFilesBelowADirectory() throws Exception {
        Files.write(dir.resolve("a"), new byte[100]);
        Files.createDirectories(dir.resolve("b/c"));
        Files.write(dir.resolve("b/c/d"), new byte[23]);
        assertEquals(123, StorageApi.size(dir));
        assertEquals(0, StorageApi.size(dir.resolve("gone")));
        assertEquals(0, StorageApi.size(null));
    }

    @Test
    void testAlertFiresWithItsNameAndReceiver() {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");
        AmAlert a = NotificationsApi.testAlert("team", "alice", "http://hub:9090", now);
        assertEquals("VigilTestNotification", a.labels().get("alertname"));
        assertEquals("team", a.labels().get("receiver"));
        assertEquals(AmAlert.ZERO, a.endsAt());
        assertEquals(now, a.startsAt());
        assertTrue(a.annotations().get("summary").contains("by alice"), a.annotations().toString());
        assertTrue(NotificationsApi.TEST_GROUP_KEY.contains("VigilTestNotification"));
    }
}
