package dev.vigil.hub.am;

import dev.vigil.hub.web.ConfigYaml;
import java.util.Set;

/**
 * The config as {@code GET /api/v2/status} shows it in {@code config.original}: the loaded file
 * re-emitted as YAML with the values of Alertmanager 0.25's {@code Secret} fields (SMTP and HTTP
 * client credentials, receivers' API keys and tokens) shown as {@code <secret>}. Alertmanager
 * prints its normalized config with every default filled in; this prints what the file says.
 */
final class AmConfigText {
    private static final Set<String> SECRET_KEYS = Set.of("smtp_auth_password", "smtp_auth_secret", "auth_password",
            "auth_secret", "password", "credentials", "bearer_token", "client_secret", "slack_api_url", "api_url_secret",
            "service_key", "routing_key", "api_key", "opsgenie_api_key", "victorops_api_key", "wechat_api_secret",
            "api_secret", "user_key", "token", "bot_token");

    private AmConfigText() {
    }

    static String redacted(String text) {
        return ConfigYaml.redacted(text, SECRET_KEYS);
    }
}
