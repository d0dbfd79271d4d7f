package dev.vigil.alerting.am.config;

import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.exporter.yaml.YamlMap;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads receivers, filling email and webhook settings from the global block as Alertmanager does. */
final class ReceiverParser {
    /** Integrations Alertmanager has and Vigil does not: named in the error rather than "unknown key". */
    private static final Set<String> UNSUPPORTED = Set.of("discord_configs", "opsgenie_configs",
            "pagerduty_configs", "pushover_configs", "slack_configs", "sns_configs", "telegram_configs",
            "victorops_configs", "webex_configs", "wechat_configs");

    private ReceiverParser() {
    }

    static Receiver parse(YamlMap m, GlobalConfig g, Path baseDir) throws ConfigException {
        for (String key : m.keys()) {
            if (UNSUPPORTED.contains(key) && m.has(key)) {
                throw m.error(key, key + " is not supported by Vigil (only email_configs and webhook_configs)");
            }
        }
        m.only(Set.of("name", "email_configs", "webhook_configs", "discord_configs", "opsgenie_configs",
                "pagerduty_configs", "pushover_configs", "slack_configs", "sns_configs", "telegram_configs",
                "victorops_configs", "webex_configs", "wechat_configs"));
        String name = m.string("name", "");
        if (name.isEmpty()) {
            throw m.error("name", "missing name in receiver");
        }
        List<EmailConfig> emails = new ArrayList<>();
        for (YamlMap e : m.maps("email_configs")) {
            emails.add(email(e, g, baseDir));
        }
        List<WebhookConfig> hooks = new ArrayList<>();
        for (YamlMap w : m.maps("webhook_configs")) {
            hooks.add(webhook(w, g, baseDir));
        }
        return new Receiver(name, emails, hooks);
    }

    private static EmailConfig email(YamlMap e, GlobalConfig g, Path baseDir) throws ConfigException {
        e.only(Set.of("send_resolved", "to", "from", "hello", "smarthost", "auth_username", "auth_password",
                "auth_password_file", "auth_secret", "auth_identity", "headers", "html", "text", "require_tls",
                "tls_config"));
        String to = e.string("to", "");
        if (to.isEmpty()) {
            throw e.error("to", "missing to address in email config");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> raw = e.stringMap("headers");
        for (Map.Entry<String, String> h : raw.entrySet()) {
            String normal = canonicalHeader(h.getKey());
            if (headers.putIfAbsent(normal, h.getValue()) != null) {
                throw e.error("headers", "duplicate header \"" + normal + "\" in email config");
            }
        }
        String smarthost = e.string("smarthost", "");
        if (e.has("smarthost")) {
            checkHostPort(e, "smarthost", smarthost);
        }
        if (smarthost.isEmpty()) {
            if (g.smtpSmarthost().isEmpty()) {
                throw e.error("smarthost", "no global SMTP smarthost set");
            }
            smarthost = g.smtpSmarthost();
        }
        String from = e.string("from", "");
        if (from.isEmpty()) {
            if (g.smtpFrom().isEmpty()) {
                throw e.error("from", "no global SMTP from set");
            }
            from = g.smtpFrom();
        }
        Secret password = Secret.of(e.string("auth_password", ""));
        String passwordFile = HttpConfigParser.resolve(baseDir, e.string("auth_password_file", ""));
        if (!password.isEmpty() && !passwordFile.isEmpty()) {
            throw e.error("auth_password_file", "at most one of auth_password & auth_password_file must be configured");
        }
        if (password.isEmpty() && passwordFile.isEmpty()) {
            password = g.smtpAuthPassword();
            passwordFile = g.smtpAuthPasswordFile();
        }
        Secret secret = Secret.of(e.string("auth_secret", ""));
        TlsConfig tls = e.map("tls_config").isPresent()
                ? HttpConfigParser.tls(e.map("tls_config").get(), baseDir) : TlsConfig.NONE;
        return new EmailConfig(e.bool("send_resolved").orElse(false), to, from,
                e.string("hello", g.smtpHello()), smarthost, e.string("auth_username", g.smtpAuthUsername()),
                password, passwordFile, secret.isEmpty() ? g.smtpAuthSecret() : secret,
                e.string("auth_identity", g.smtpAuthIdentity()), headers,
                e.string("html", EmailConfig.DEFAULT_HTML), e.string("text", ""),
                e.bool("require_tls").orElse(g.smtpRequireTls()), tls);
    }

    private static WebhookConfig webhook(YamlMap w, GlobalConfig g, Path baseDir) throws ConfigException {
        w.only(Set.of("send_resolved", "url", "url_file", "max_alerts", "http_config"));
        String url = w.string("url", "");
        String urlFile = HttpConfigParser.resolve(baseDir, w.string("url_file", ""));
        if (url.isEmpty() && urlFile.isEmpty()) {
            throw w.error("url", "missing URL in webhook config");
        }
        if (!url.isEmpty() && !urlFile.isEmpty()) {
            throw w.error("url_file", "at most one of url & url_file must be configured");
        }
        if (!url.isEmpty()) {
            checkUrl(w, url);
        }
        long maxAlerts = w.integer("max_alerts").orElse(0L);
        if (maxAlerts < 0) {
            throw w.error("max_alerts", "cannot unmarshal " + maxAlerts + " into max_alerts (uint64)");
        }
        HttpClientConfig http = w.map("http_config").isPresent()
                ? HttpConfigParser.http(w.map("http_config").get(), baseDir) : g.httpConfig();
        return new WebhookConfig(w.bool("send_resolved").orElse(true), Secret.of(url), urlFile, maxAlerts, http);
    }

    /** As Alertmanager's URL type: an absolute http(s) URL. The URL itself is not echoed: it may hold a token. */
    static void checkUrl(YamlMap m, String url) throws ConfigException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw m.error("url", "invalid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw m.error("url", "unsupported scheme \"" + scheme + "\" for URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw m.error("url", "host missing in URL");
        }
    }

    /** Alertmanager's HostPort: {@code host:port}, the port not empty. */
    static void checkHostPort(YamlMap m, String key, String value) throws ConfigException {
        if (value.isEmpty()) {
            return;
        }
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            throw m.error(key, "address " + value + ": missing port in address");
        }
        if (colon == value.length() - 1) {
            throw m.error(key, "address \"" + value + "\": port cannot be empty");
        }
    }

    /** Go's {@code textproto.CanonicalMIMEHeaderKey}: {@code content-type} becomes {@code Content-Type}. */
    static String canonicalHeader(String key) {
        StringBuilder out = new StringBuilder(key.length());
        boolean upper = true;
        for (char c : key.toCharArray()) {
            if (c == ' ') {
                return key; // Go leaves keys with spaces untouched
            }
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }
}
