package dev.vigil.alerting.am.config;

import java.util.List;

/** A named receiver with its integrations (only email and webhook are supported). */
public record Receiver(String name, List<EmailConfig> emailConfigs, List<WebhookConfig> webhookConfigs) {
    public Receiver {
        emailConfigs = List.copyOf(emailConfigs);
        webhookConfigs = List.copyOf(webhookConfigs);
    }
}
