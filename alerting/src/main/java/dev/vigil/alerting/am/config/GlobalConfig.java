package dev.vigil.alerting.am.config;

import java.time.Duration;

/** The {@code global} block: defaults that receivers inherit. Alertmanager's defaults apply when a key is absent. */
public record GlobalConfig(Duration resolveTimeout, String smtpFrom, String smtpHello, String smtpSmarthost,
                           String smtpAuthUsername, Secret smtpAuthPassword, String smtpAuthPasswordFile,
                           String smtpAuthIdentity, Secret smtpAuthSecret, boolean smtpRequireTls,
                           HttpClientConfig httpConfig) {
    public static final GlobalConfig DEFAULT = new GlobalConfig(Duration.ofMinutes(5), "", "localhost", "", "",
            Secret.EMPTY, "", "", Secret.EMPTY, true, HttpClientConfig.DEFAULT);
}
