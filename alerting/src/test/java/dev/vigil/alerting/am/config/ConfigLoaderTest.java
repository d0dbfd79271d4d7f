package dev.vigil.alerting.am.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.alerting.am.Amtool;
import dev.vigil.exporter.yaml.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    static final Path EXAMPLE = Path.of("examples/alertmanager.yml");

    @TempDir
    Path dir;

    @Test
    void exampleLoadsWithGlobalDefaultsFilledIn() throws ConfigException {
        AlertmanagerConfig c = ConfigLoader.load(EXAMPLE);
        assertEquals(Duration.ofMinutes(5), c.global().resolveTimeout());
        EmailConfig mail = c.receiver("ops-mail").orElseThrow().emailConfigs().get(0);
        assertEquals("localhost:25", mail.smarthost());
        assertEquals("vigil@example.org", mail.from());
        assertEquals("localhost", mail.hello());
        assertFalse(mail.requireTls());
        assertFalse(mail.sendResolved());
        assertTrue(mail.headers().containsKey("Subject"), mail.headers().toString());
        WebhookConfig hook = c.receiver("pager").orElseThrow().webhookConfigs().get(0);
        assertTrue(hook.sendResolved());
        assertEquals(10, hook.maxAlerts());
        assertEquals(5, c.receivers().size());
        assertEquals(2, c.inhibitRules().size());
        assertEquals("{alertname=~\"^(?:Node.+)$\"}", c.inhibitRules().get(1).targetMatchers().toString());
        assertTrue(c.templates().get(0).endsWith("examples/templates/*.tmpl"), c.templates().toString());
        assertTrue(c.timeIntervals().get("office-hours").contains(Instant.parse("2024-03-06T10:00:00Z")));
        assertFalse(c.timeIntervals().get("office-hours").contains(Instant.parse("2024-03-09T10:00:00Z")));
        assertTrue(c.timeIntervals().get("nights").contains(Instant.parse("2024-03-09T05:59:00Z")));
        assertNull(Amtool.checkConfigIfPresent(EXAMPLE));
    }

    @Test
    void secretsStayOutOfToString() throws ConfigException {
        AlertmanagerConfig c = ConfigLoader.parse("s.yml", """
                global: {smtp_smarthost: 'mx:25', smtp_from: a@b, smtp_auth_password: hunter2}
                route: {receiver: r}
                receivers:
                  - name: r
                    email_configs: [{to: x@y}]
                    webhook_configs: [{url: 'https://h/hook?token=tok3n', http_config: {basic_auth: {username: u, password: pw9}}}]
                """, null);
        String text = c.toString();
        assertFalse(text.contains("hunter2") || text.contains("tok3n") || text.contains("pw9"), text);
        assertEquals("hunter2", c.receiver("r").orElseThrow().emailConfigs().get(0).authPassword().reveal());
    }

    /** Each broken config -> Alertmanager's reason; amtool must print the same reason for the same file. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "route: {receiver: x}\\nreceivers: [{name: y}]|1|undefined receiver \"x\" used in route",
        "route: {group_by: [a]}\\nreceivers: [{name: y}]|1|root route must specify a default receiver",
        "route: {receiver: y, matchers: ['a=b']}\\nreceivers: [{name: y}]|1|root route must not have any matchers",
        "route: {receiver: y, match: {a: b}}\\nreceivers: [{name: y}]|1|root route must not have any matchers",
        "receivers: [{name: y}]|1|no routes provided",
        "route: {receiver: y}\\nreceivers: [{name: y, email_configs: [{to: a@b}]}]|2|no global SMTP smarthost set",
        "global: {smtp_smarthost: 'h:25'}\\nroute: {receiver: y}\\nreceivers: [{name: y, email_configs: [{to: a@b}]}]|3|no global SMTP from set",
        "route: {receiver: y}\\nreceivers: [{name: y}, {name: y}]|2|notification config name \"y\" is not unique",
        "route: {receiver: y, group_by: ['...', a]}\\nreceivers: [{name: y}]|1|cannot have wildcard group_by (`...`) and other other labels at the same time",
        "route: {receiver: y, group_by: [a, a]}\\nreceivers: [{name: y}]|1|duplicated label \"a\" in group_by",
        "route: {receiver: y, group_by: ['a-b']}\\nreceivers: [{name: y}]|1|invalid label name \"a-b\" in group_by list",
        "route: {receiver: y, routes: [{matchers: ['1x=b']}]}\\nreceivers: [{name: y}]|1|bad matcher format: 1x=b",
        "route: {receiver: y, routes: [{receiver: z}]}\\nreceivers: [{name: y}]|1|undefined receiver \"z\" used in route",
        "route: {receiver: y, routes: [{mute_time_intervals: [n]}]}\\nreceivers: [{name: y}]|1|undefined time interval \"n\" used in route",
        "route: {receiver: y, repeat_interval: 0s}\\nreceivers: [{name: y}]|1|repeat_interval cannot be zero",
        "route: {receiver: y, group_interval: 0}\\nreceivers: [{name: y}]|1|group_interval cannot be zero",
        "route: {receiver: y}\\nreceivers: [{email_configs: []}]|2|missing name in receiver",
        "route: {receiver: y}\\nreceivers: [{name: y, webhook_configs: [{send_resolved: true}]}]|2|missing URL in webhook config",
        "route: {receiver: y}\\nreceivers: [{name: y, webhook_configs: [{url: 'ftp://h/x'}]}]|2|unsupported scheme \"ftp\" for URL",
        "route: {receiver: y}\\nreceivers: [{name: y, email_configs: [{from: a@b}]}]|2|missing to address in email config",
        "route: {receiver: y, mute_time_intervals: [n]}\\nreceivers: [{name: y}]|1|root route must not have any mute time intervals",
        "route: {receiver: y}\\nreceivers: [{name: y}]\\ntime_intervals: [{name: n}, {name: n}]|3|time interval \"n\" is not unique",
    })
    void rejectsWithAlertmanagersWords(String yaml, int line, String reason) throws IOException {
        Path file = dir.resolve("am.yml");
        Files.writeString(file, yaml.replace("\\n", "\n"));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertEquals(reason, e.reason());
        assertEquals(line, e.line(), e.getMessage());
        if (Amtool.present()) {
            assertEquals(reason, Amtool.checkConfig(file), "amtool check-config");
        }
    }
}
