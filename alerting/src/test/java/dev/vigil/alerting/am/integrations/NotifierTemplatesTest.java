package dev.vigil.alerting.am.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.am.config.EmailConfig;
import dev.vigil.alerting.am.config.HttpClientConfig;
import dev.vigil.alerting.am.config.Receiver;
import dev.vigil.alerting.am.config.Secret;
import dev.vigil.alerting.am.config.TlsConfig;
import dev.vigil.alerting.am.config.WebhookConfig;
import dev.vigil.alerting.am.notify.Integration;
import dev.vigil.alerting.am.notify.TemplateData;
import dev.vigil.model.Labels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default templates' output (Alertmanager's subject and text list), user overrides and load errors. */
class NotifierTemplatesTest {
    private static final Instant NOW = Instant.parse("2023-03-16T20:53:20Z");

    @TempDir
    Path dir;

    private static AmAlert alert(Instant end, String... labels) {
        return new AmAlert(Labels.of(labels), Map.of("summary", "slow"), NOW.minusSeconds(600), end,
                "http://prom/graph", NOW, false);
    }

    private static TemplateData data(Labels groupLabels, AmAlert... alerts) {
        return TemplateData.of("team-x.ops", groupLabels, List.of(alerts), "http://am:9093", NOW);
    }

    private static String subject(TemplateData d) throws Exception {
        return NotifierTemplates.defaults().text().executeString(EmailConfig.DEFAULT_SUBJECT, d);
    }

    @Test
    void subjectAsAlertmanagerPrintsIt() throws Exception {
        Labels group = Labels.of("alertname", "HighLatency");
        AmAlert a = alert(null, "alertname", "HighLatency", "env", "prod", "job", "api", "instance", "a");
        AmAlert b = alert(null, "alertname", "HighLatency", "env", "prod", "job", "api", "instance", "b");
        assertEquals("[FIRING:2] HighLatency (prod api)", subject(data(group, a, b)));

        AmAlert resolvedB = b.withEndsAt(NOW.minusSeconds(1));
        assertEquals("[FIRING:1] HighLatency (prod api)", subject(data(group, a, resolvedB)));
        assertEquals("[RESOLVED] HighLatency (prod api)",
                subject(data(group, a.withEndsAt(NOW.minusSeconds(1)), resolvedB)));

        // Common labels no more than the group's: Alertmanager leaves the trailing space.
        AmAlert only = alert(null, "alertname", "HighLatency");
        assertEquals("[FIRING:1] HighLatency ", subject(data(group, only)));

        // group_by: [] - no group values, so two spaces before the parenthesis.
        assertEquals("[FIRING:1]  (HighLatency prod a api)", subject(data(Labels.of(), a)));

        // Several group labels: values in label order, alertname first.
        assertEquals("[FIRING:2] HighLatency prod (api)",
                subject(data(Labels.of("env", "prod", "alertname", "HighLatency"), a, b)));
    }

    @Test
    void textAlertListAndAlertmanagerUrl() throws Exception {
        NotifierTemplates t = NotifierTemplates.defaults();
        TemplateData d = data(Labels.of("alertname", "X"), alert(null, "alertname", "X", "instance", "a"));
        assertEquals("Labels:\n - alertname = X\n - instance = a\nAnnotations:\n - summary = slow\n"
                + "Source: http://prom/graph\n", t.text().executeString("{{ template \"__text_alert_list\" .Alerts }}", d));
        // The receiver is regexp-quoted in the data (as Alertmanager does), then query-escaped.
        assertEquals("http://am:9093/#/alerts?receiver=team-x%5C.ops",
                t.text().executeString("{{ template \"__alertmanagerURL\" . }}", d));
        assertEquals("Alertmanager", t.text().executeString("{{ template \"__alertmanager\" . }}", d));
        assertEquals("", t.text().executeString("{{ template \"__description\" . }}", d));
    }

    @Test
    void defaultHtmlEscapesValuesAndListsAlerts() throws Exception {
        NotifierTemplates t = NotifierTemplates.defaults();
        AmAlert firing = alert(null, "alertname", "X", "instance", "<script>");
        AmAlert resolved = alert(NOW.minusSeconds(5), "alertname", "X", "instance", "b");
        String html = t.html().executeString(EmailConfig.DEFAULT_HTML, data(Labels.of("alertname", "X"), firing,
                resolved));
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<title>[FIRING:1] X </title>"), html);
        assertTrue(html.contains("2 alerts for alertname=X"), html);
        assertTrue(html.contains("[1] Firing"), html);
        assertTrue(html.contains("[1] Resolved"), html);
        assertTrue(html.contains("<li>instance = &lt;script&gt;</li>"), html);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("<li>summary = slow</li>"), html);
        assertTrue(html.contains("href=\"http://prom/graph\""), html);
        assertTrue(html.contains("href=\"http://am:9093/#/alerts?receiver=team-x%5C.ops\""), html);
    }

    @Test
    void userFilesLoadAfterTheDefaultsAndMayOverrideThem() throws Exception {
        Files.createDirectories(dir.resolve("tmpl"));
        Files.writeString(dir.resolve("tmpl/a.tmpl"), "{{ define \"__subject\" }}custom {{ .Status }}{{ end }}");
        Files.writeString(dir.resolve("tmpl/b.tmpl"), "{{ define \"mine\" }}{{ template \"__subject\" . }}!{{ end }}");
        Files.writeString(dir.resolve("tmpl/ignored.txt"), "{{ broken");
        NotifierTemplates t = NotifierTemplates.load(List.of(dir.resolve("tmpl/*.tmpl").toString(),
                dir.resolve("nothing/*.tmpl").toString()));
        assertEquals(List.of(dir.resolve("tmpl/a.tmpl"), dir.resolve("tmpl/b.tmpl")), t.files());
        TemplateData d = data(Labels.of(), alert(null, "alertname", "X"));
        assertEquals("custom firing", t.text().executeString(EmailConfig.DEFAULT_SUBJECT, d));
        assertEquals("custom firing!", t.html().executeString("{{ template \"mine\" . }}", d));
    }

    @Test
    void aBadFileIsAConfigErrorNamingIt() throws Exception {
        Path bad = dir.resolve("bad.tmpl");
        Files.writeString(bad, "ok\n{{ define \"x\" }}{{ .Foo \n");
        NotifierConfigException e = assertThrows(NotifierConfigException.class,
                () -> NotifierTemplates.load(List.of(dir.resolve("*.tmpl").toString())));
        assertEquals(bad.toString(), e.file());
        assertTrue(e.getMessage().startsWith(bad + ": template: bad.tmpl:2: "), e.getMessage());
    }

    @Test
    void integrationsAreEmailThenWebhookNumberedPerKind() throws Exception {
        EmailConfig email = new EmailConfig(false, "a@example.org", "am@example.org", "localhost",
                "smtp.example.org:587", "", Secret.EMPTY, "", Secret.EMPTY, "", Map.of(), EmailConfig.DEFAULT_HTML,
                "", true, TlsConfig.NONE);
        WebhookConfig hook = new WebhookConfig(true, Secret.of("http://h/1"), "", 0, HttpClientConfig.DEFAULT);
        List<Integration> list = Integrations.forReceiver(new Receiver("r", List.of(email, email),
                List.of(hook, hook)), NotifierTemplates.defaults(), "http://am");
        assertEquals(List.of("email[0]", "email[1]", "webhook[0]", "webhook[1]"),
                list.stream().map(Integration::describe).toList());
        assertTrue(list.get(2).sendResolved());
        assertFalse(list.get(0).sendResolved());

        WebhookConfig badTls = new WebhookConfig(true, Secret.of("http://h/1"), "", 0, new HttpClientConfig("",
                Secret.EMPTY, "", "", Secret.EMPTY, "", new TlsConfig("/nonexistent/ca.pem", "", "", "", false, ""),
                "", true, true));
        NotifierConfigException e = assertThrows(NotifierConfigException.class, () -> Integrations.forReceiver(
                new Receiver("r", List.of(), List.of(hook, badTls)), NotifierTemplates.defaults(), ""));
        assertTrue(e.getMessage().startsWith("receiver \"r\": webhook[1]: unable to read /nonexistent/ca.pem"),
                e.getMessage());
    }
}
