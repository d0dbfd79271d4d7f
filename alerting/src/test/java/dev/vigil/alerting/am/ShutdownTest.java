package dev.vigil.alerting.am;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.am.clock.SystemScheduler;
import dev.vigil.alerting.am.config.ConfigLoader;
import dev.vigil.alerting.am.nflog.NotificationLog;
import dev.vigil.alerting.am.notify.Backoff;
import dev.vigil.alerting.am.notify.Integration;
import dev.vigil.alerting.am.notify.NotifyContext;
import dev.vigil.model.Labels;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shutdown while a notification is on its way waits for it, so the notification log written at
 * close records it and a restarted hub does not send it again.
 */
class ShutdownTest {
    @TempDir
    Path dir;

    @Test
    void closeWaitsForTheNotificationUnderWayAndLogsIt() throws Exception {
        CountDownLatch sending = new CountDownLatch(1);
        Integration slow = new Integration() {
            @Override
            public String name() {
                return "webhook";
            }

            @Override
            public int index() {
                return 0;
            }

            @Override
            public boolean sendResolved() {
                return true;
            }

            @Override
            public void notify(NotifyContext ctx, List<AmAlert> alerts) {
                sending.countDown();
                try {
                    Thread.sleep(700); // a slow receiver, still answering well within the grace
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        var config = ConfigLoader.parse("alertmanager.yml", """
                route:
                  receiver: team
                  group_by: [alertname]
                  group_wait: 0s
                receivers:
                  - name: team
                    webhook_configs: [{url: 'http://unused.example/'}]
                """, dir);
        try (SystemScheduler scheduler = new SystemScheduler("test")) {
            Alertmanager am = Alertmanager.start(config, dir, scheduler, c -> Map.of("team", List.of(slow)),
                    "http://hub:9090", () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(4)));
            Instant now = Instant.now();
            assertEquals(List.of(), am.receive(List.of(new AmAlert(Labels.of("alertname", "Down"), Map.of(),
                    now.minusSeconds(60), null, "", null, false))));
            assertTrue(sending.await(10, TimeUnit.SECONDS), "the group flushed");
            am.close();
        }
        try (NotificationLog reopened = NotificationLog.open(dir.resolve("nflog"), Duration.ofHours(120),
                Instant.now())) {
            assertEquals(1, reopened.entries().size(), "the notification sent during close is in the log");
        }
    }
}
