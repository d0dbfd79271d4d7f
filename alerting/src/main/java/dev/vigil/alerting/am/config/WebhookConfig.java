package dev.vigil.alerting.am.config;

/**
 * One {@code webhook_configs} entry. The URL is a {@link Secret} because webhook URLs often carry
 * tokens (Alertmanager hides it too); {@code url_file} is read at send time.
 */
public record WebhookConfig(boolean sendResolved, Secret url, String urlFile, long maxAlerts,
                            HttpClientConfig httpConfig) {
}
