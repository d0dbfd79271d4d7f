package dev.vigil.alerting.am.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.alerting.am.Alertmanager;
import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.am.clock.FakeScheduler;
import dev.vigil.alerting.am.config.AlertmanagerConfig;
import dev.vigil.alerting.am.config.ConfigLoader;
import dev.vigil.alerting.am.labels.MatcherParser;
import dev.vigil.alerting.am.notify.Backoff;
import dev.vigil.alerting.am.notify.DeliveryLog;
import dev.vigil.alerting.am.notify.Integration;
import dev.vigil.alerting.am.notify.NotifyException;
import dev.vigil.alerting.am.notify.RecordingIntegration;
import dev.vigil.alerting.am.notify.RecordingIntegration.Sent;
import dev.vigil.alerting.am.silence.Silence;
import dev.vigil.model.Labels;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert timelines on a fake clock through the whole core (store, dispatcher, groups, pipeline,
 * notification log) to a recording integration: when notifications go out and what they hold.
 */
class TimelineTest {
    static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z"); // a Monday

    @TempDir
    Path dir;

    FakeScheduler clock = new FakeScheduler(T0);
    Map<String, RecordingIntegration> hooks = new HashMap<>();
    Alertmanager am;

    static final String BASE = """
            global:
              resolve_timeout: 2h
            route:
              receiver: team
              group_by: [alertname]
              group_wait: 30s
              group_interval: 5m
              repeat_interval: 1h
            receivers:
              - name: team
                webhook_configs: [{url: 'http://unused.example/'}]
            """;

    void start(String yaml) throws Exception {
        am = Alertmanager.start(config(yaml), dir, clock, this::integrations, "http://hub:9090",
                () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(4)));
    }

    AlertmanagerConfig config(String yaml) throws Exception {
        return ConfigLoader.parse("alertmanager.yml", yaml, dir);
    }

    Map<String, List<Integration>> integrations(AlertmanagerConfig c) {
        Map<String, List<Integration>> out = new HashMap<>();
        for (var r : c.receivers()) {
            List<Integration> list = new java.util.ArrayList<>();
            for (int i = 0; i < r.webhookConfigs().size(); i++) {
                RecordingIntegration hook = hooks.computeIfAbsent(r.name() + "/" + i,
                        k -> new RecordingIntegration("webhook", 0, true));
                list.add(new ResolvedFlag(hook, r.webhookConfigs().get(0).sendResolved()));
            }
            out.put(r.name(), list);
        }
        return out;
    }

    /** Wraps the recording hook with the config's send_resolved. */
    record ResolvedFlag(RecordingIntegration hook, boolean sendResolved) implements Integration {
        @Override
        public String name() {
            return hook.name();
        }

        @Override
        public int index() {
            return hook.index();
        }

        @Override
        public void notify(dev.vigil.alerting.am.notify.NotifyContext ctx, List<AmAlert> alerts)
                throws NotifyException {
            hook.notify(ctx, alerts);
        }
    }

    @AfterEach
    void close() {
        if (am != null) {
            am.close();
        }
    }

    static AmAlert alert(String name, String instance, Instant start, Instant end) {
        return new AmAlert(Labels.of("alertname", name, "instance", instance, "job", "node"), Map.of(), start, end,
                "", null, false);
    }

    void post(AmAlert... alerts) {
        assertEquals(List.of(), am.receive(List.of(alerts)));
    }

    List<String> at(Duration sinceT0, String hook) {
        Duration d = Duration.between(clock.now(), T0.plus(sinceT0));
        clock.advance(d);
        return hooks.get(hook).drain().stream().map(s -> Duration.between(T0, s.at()) + " " + s.alerts()).toList();
    }

    @Test
    void fireJoinPartialResolveRepeatResolve() throws Exception {
        start(BASE);
        post(alert("Down", "a", T0, null));
        assertEquals(List.of(), at(Duration.ofSeconds(29), "team/0"));
        assertEquals(List.of("PT30S [a:firing]"), at(Duration.ofSeconds(30), "team/0"));
        clock.advance(Duration.ofSeconds(30));
        post(alert("Down", "b", clock.now(), null)); // joins; no early flush after the first one
        assertEquals(List.of(), at(Duration.ofMinutes(5), "team/0"));
        assertEquals(List.of("PT5M30S [a:firing, b:firing]"), at(Duration.ofSeconds(330), "team/0"));
        clock.advance(Duration.ofSeconds(30));
        post(alert("Down", "a", T0, clock.now())); // resolved explicitly at 6m
        assertEquals(List.of("PT10M30S [a:resolved, b:firing]"), at(Duration.ofSeconds(630), "team/0"));
        // Nothing changes: the next notification is the repeat, one hour after the last one.
        assertEquals(List.of(), at(Duration.ofSeconds(630 + 3600), "team/0"));
        assertEquals(List.of("PT1H15M30S [b:firing]"), at(Duration.ofSeconds(930 + 3600), "team/0"));
        clock.advance(Duration.ofMinutes(1));
        post(alert("Down", "b", clock.now().minus(Duration.ofMinutes(70)), clock.now()));
        assertEquals(List.of("PT1H20M30S [b:resolved]"), at(Duration.ofSeconds(1230 + 3600), "team/0"));
        // The group is empty now and is dropped at the next cleanup; nothing more is sent.
        assertEquals(List.of(), at(Duration.ofHours(3), "team/0"));
        assertEquals(0, am.dispatcher().size());
    }

    @Test
    void newGroupWithOldAlertFlushesAtOnce() throws Exception {
        start(BASE);
        clock.advance(Duration.ofMinutes(10));
        post(alert("Down", "a", T0, null)); // started 10 m ago, longer than group_wait
        clock.runDue();
        assertEquals(List.of("PT10M [a:firing]"), at(Duration.ofMinutes(10), "team/0"));
        post(alert("Other", "x", clock.now(), null)); // a fresh alert in its own group waits
        assertEquals(List.of(), at(Duration.ofSeconds(629), "team/0"));
        assertEquals(List.of("PT10M30S [x:firing]"), at(Duration.ofSeconds(630), "team/0"));
    }

    @Test
    void withoutSendResolvedOnlyFiringAlertsGoOut() throws Exception {
        start(BASE.replace("url: 'http://unused.example/'", "url: 'http://unused.example/', send_resolved: false"));
        post(alert("Down", "a", T0, null), alert("Down", "b", T0, null));
        assertEquals(List.of("PT30S [a:firing, b:firing]"), at(Duration.ofSeconds(30), "team/0"));
        post(alert("Down", "a", T0, T0.plus(Duration.ofMinutes(1))));
        // a resolved: b is still firing and already notified, nothing new to say until the repeat.
        assertEquals(List.of(), at(Duration.ofSeconds(330), "team/0"));
        post(alert("Down", "b", T0, T0.plus(Duration.ofMinutes(6))));
        // All resolved: the log forgets the group but the receiver hears nothing.
        assertEquals(List.of(), at(Duration.ofSeconds(630), "team/0"));
        // The emptied group is dropped by the cleanup; a new alert makes a new group.
        clock.advance(Duration.ofSeconds(90));
        post(alert("Down", "c", clock.now(), null));
        assertEquals(List.of("PT12M30S [c:firing]"), at(Duration.ofSeconds(750), "team/0"));
    }

    @Test
    void groupByAllAndByLabelsMakeSeparateGroups() throws Exception {
        start(BASE.replace("group_by: [alertname]", "group_by: [alertname, instance]"));
        post(alert("Down", "a", T0, null), alert("Down", "b", T0, null));
        List<Sent> sent = sentAt(Duration.ofSeconds(30), "team/0");
        assertEquals(2, sent.size());
        assertEquals(List.of("{}:{alertname=\"Down\", instance=\"a\"}", "{}:{alertname=\"Down\", instance=\"b\"}"),
                sent.stream().map(Sent::groupKey).sorted().toList());
    }

    List<Sent> sentAt(Duration sinceT0, String hook) {
        clock.advance(Duration.between(clock.now(), T0.plus(sinceT0)));
        return hooks.get(hook).drain();
    }

    @Test
    void childRoutesContinueAndTheirOwnTimers() throws Exception {
        start("""
                global: {resolve_timeout: 2h}
                route:
                  receiver: team
                  group_by: [alertname]
                  group_wait: 30s
                  routes:
                    - matchers: ['severity="page"']
                      receiver: pager
                      group_wait: 10s
                      continue: true
                    - matchers: ['job="node"']
                      receiver: ops
                receivers:
                  - name: team
                    webhook_configs: [{url: 'http://t.example/'}]
                  - name: pager
                    webhook_configs: [{url: 'http://p.example/'}]
                  - name: ops
                    webhook_configs: [{url: 'http://o.example/'}]
                """);
        am.receive(List.of(new AmAlert(Labels.of("alertname", "Disk", "instance", "a", "job", "node", "severity",
                "page"), Map.of(), T0, null, "", null, false)));
        assertEquals(List.of("PT10S [a:firing]"), at(Duration.ofSeconds(10), "pager/0"));
        assertEquals(List.of(), hooks.get("ops/0").sent());
        assertEquals(List.of("PT30S [a:firing]"), at(Duration.ofSeconds(30), "ops/0"));
        assertEquals(List.of(), hooks.get("team/0").sent());
        assertEquals("{}/{severity=\"page\"}:{alertname=\"Disk\"}", am.dispatcher().groups(r -> true, (a, t) -> true)
                .groups().stream().filter(g -> g.receiver().equals("pager")).findFirst().orElseThrow().groupKey());
    }

    @Test
    void silencedAndInhibitedAlertsAreLeftOut() throws Exception {
        start(BASE + """
                inhibit_rules:
                  - source_matchers: ['alertname="NodeDown"']
                    target_matchers: ['alertname="Down"']
                    equal: [instance]
                """);
        am.silences().set(Silence.create(MatcherParser.parseMatchers("instance=\"c\""), T0, T0.plus(Duration.ofHours(1)),
                "me", "maintenance"));
        post(alert("Down", "a", T0, null), alert("Down", "b", T0, null), alert("Down", "c", T0, null),
                alert("NodeDown", "a", T0, null));
        List<String> team = at(Duration.ofSeconds(30), "team/0");
        assertEquals(2, team.size(), team.toString());
        assertTrue(team.contains("PT30S [b:firing]"), team.toString()); // a inhibited, c silenced
        assertTrue(team.contains("PT30S [a:firing]"), team.toString()); // the NodeDown group
        assertEquals("suppressed", am.status(alert("Down", "a", T0, null).labels()).state());
        assertEquals(List.of(alert("NodeDown", "a", T0, null).fingerprintString()),
                am.status(alert("Down", "a", T0, null).labels()).inhibitedBy());
        assertEquals(1, am.status(alert("Down", "c", T0, null).labels()).silencedBy().size());
        assertEquals("active", am.status(alert("Down", "b", T0, null).labels()).state());
        // The inhibiting alert resolves: a is notified at the next interval (and so is NodeDown's end).
        post(alert("NodeDown", "a", T0, T0.plus(Duration.ofMinutes(1))));
        List<String> later = at(Duration.ofSeconds(330), "team/0");
        assertEquals(2, later.size(), later.toString());
        assertTrue(later.containsAll(List.of("PT5M30S [a:firing, b:firing]", "PT5M30S [a:resolved]")), later.toString());
    }

    @Test
    void muteTimeIntervalsHoldNotificationsBack() throws Exception {
        start(BASE.replace("repeat_interval: 1h", "repeat_interval: 1h\n  routes:\n    - matchers: ['job=node']\n"
                + "      mute_time_intervals: [morning]") + """
                time_intervals:
                  - name: morning
                    time_intervals:
                      - times: [{start_time: '10:00', end_time: '10:20'}]
                """);
        post(alert("Down", "a", T0, null));
        assertEquals(List.of(), at(Duration.ofSeconds(930), "team/0"));
        assertEquals(List.of("PT20M30S [a:firing]"), at(Duration.ofSeconds(1230), "team/0"));
    }

    @Test
    void failedNotificationsAreRetriedAndLogged() throws Exception {
        start(BASE);
        AtomicInteger calls = new AtomicInteger();
        hooksReady();
        hooks.get("team/0").failWith(alerts -> calls.incrementAndGet() <= 2
                ? new NotifyException("unexpected status code 503", true) : null);
        post(alert("Down", "a", T0, null));
        List<Sent> sent = sentAt(Duration.ofSeconds(30), "team/0");
        assertEquals(1, sent.size());
        assertEquals(3, calls.get());
        List<DeliveryLog.Entry> log = am.deliveries().entries("team");
        assertEquals(List.of(DeliveryLog.Outcome.SENT, DeliveryLog.Outcome.RETRYING, DeliveryLog.Outcome.RETRYING),
                log.stream().map(DeliveryLog.Entry::outcome).toList());
        assertEquals("unexpected status code 503", log.get(2).error());

        // A permanent error is not retried; the next flush tries again (nothing was logged as sent).
        hooks.get("team/0").failWith(alerts -> new NotifyException("unexpected status code 400", false));
        post(alert("Down", "b", clock.now(), null));
        assertEquals(List.of(), at(Duration.ofSeconds(330), "team/0"));
        assertEquals(DeliveryLog.Outcome.FAILED, am.deliveries().entries("team").get(0).outcome());
        hooks.get("team/0").failWith(alerts -> null);
        assertEquals(List.of("PT10M30S [a:firing, b:firing]"), at(Duration.ofSeconds(630), "team/0"));
    }

    void hooksReady() {
        assertTrue(hooks.containsKey("team/0"));
    }

    @Test
    void restartKeepsTheNotificationLogAndSilences() throws Exception {
        start(BASE);
        post(alert("Down", "a", T0, null));
        assertEquals(List.of("PT30S [a:firing]"), at(Duration.ofSeconds(30), "team/0"));
        am.silences().set(Silence.create(MatcherParser.parseMatchers("instance=\"z\""), T0, T0.plus(Duration.ofHours(2)),
                "me", "kept"));
        am.close();
        clock.advance(Duration.ofMinutes(2));
        start(BASE);
        assertEquals(1, am.silences().list().size());
        // The alert comes back (as a rule re-sends it): its group flushes at once, but the log says
        // the receiver already knows, so nothing is repeated before the repeat interval.
        post(alert("Down", "a", T0, null));
        clock.runDue();
        assertEquals(List.of(), at(Duration.ofMinutes(30), "team/0"));
        assertEquals(List.of("PT1H2M30S [a:firing]"), at(Duration.ofSeconds(3750), "team/0"));
    }
}
