package dev.vigil.alerting.am.config;

import java.util.Map;

/**
 * One {@code email_configs} entry after the global SMTP defaults were filled in. Header names are
 * title-cased as Alertmanager does ({@code subject} becomes {@code Subject}).
 */
public record EmailConfig(boolean sendResolved, String to, String from, String hello, String smarthost,
                          String authUsername, Secret authPassword, String authPasswordFile, Secret authSecret,
                          String authIdentity, Map<String, String> headers, String html, String text,
                          boolean requireTls, TlsConfig tlsConfig) {
    public static final String DEFAULT_HTML = "{{ template \"email.default.html\" . }}";
    public static final String DEFAULT_SUBJECT = "{{ template \"email.default.subject\" . }}";
}
