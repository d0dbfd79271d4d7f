package dev.vigil.hub.am;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.alerting.am.config.Receiver;
import dev.vigil.exporter.yaml.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config file handling: embedded defaults, a named file that is missing or bad, reloads. */
class HubAlertmanagerTest {
    @TempDir
    Path dir;

    @Test
    void absentDefaultFileMeansTheEmbeddedConfig() throws Exception {
        try (HubAlertmanager am = HubAlertmanager.start(dir.resolve("absent.yml").toString(), false,
                dir.resolve("data"), "")) {
            assertEquals(HubAlertmanager.EMBEDDED_NAME, am.source());
            assertEquals(java.util.List.of("default"),
                    am.alertmanager().config().receivers().stream().map(Receiver::name).toList());
            assertTrue(am.configOriginal().contains("receiver: default"), am.configOriginal());
            assertTrue(Files.isDirectory(dir.resolve("data")));
        }
    }

    @Test
    void namedFileMustExistAndLoad() throws Exception {
        ConfigException missing = assertThrows(ConfigException.class, () -> HubAlertmanager.start(
                dir.resolve("absent.yml").toString(), true, dir.resolve("data"), ""));
        assertTrue(missing.file().endsWith("absent.yml"), missing.file());
        Path bad = Files.writeString(dir.resolve("bad.yml"), """
                route:
                  receiver: nobody
                receivers:
                  - name: default
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> HubAlertmanager.start(bad.toString(), true,
                dir.resolve("data"), ""));
        assertEquals(bad.toString(), e.file());
        assertTrue(e.reason().contains("nobody"), e.reason());
    }

    @Test
    void aBadReloadKeepsTheRunningConfig() throws Exception {
        Path file = Files.writeString(dir.resolve("am.yml"), """
                route:
                  receiver: one
                receivers:
                  - name: one
                  - name: secret-mail
                    email_configs:
                      - to: a@example.org
                        from: b@example.org
                        smarthost: localhost:25
                        auth_username: u
                        auth_password: hunter2
                """);
        try (HubAlertmanager am = HubAlertmanager.start(file.toString(), true, dir.resolve("data"), "")) {
            assertTrue(am.configOriginal().contains("auth_password: <secret>"), am.configOriginal());
            assertTrue(!am.configOriginal().contains("hunter2"));
            Files.writeString(file, "route:\n  receiver: two\nreceivers:\n  - name: one\n");
            String problem = am.check();
            assertTrue(problem != null && problem.startsWith("alertmanager config: " + file), problem);
            am.apply();
            assertEquals("one", am.alertmanager().config().route().receiver());
            Files.writeString(file, "route:\n  receiver: two\nreceivers:\n  - name: two\n");
            assertNull(am.check());
            am.apply();
            assertEquals("two", am.alertmanager().config().route().receiver());
            assertTrue(am.configOriginal().contains("receiver: two"));
        }
    }
}
