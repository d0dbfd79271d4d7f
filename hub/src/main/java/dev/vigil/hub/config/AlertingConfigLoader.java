package dev.vigil.hub.config;

import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.exporter.yaml.YamlMap;
import dev.vigil.model.PromDuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code alerting}: {@code alert_relabel_configs} and {@code alertmanagers} with
 * {@code static_configs}, {@code scheme}, {@code path_prefix}, {@code timeout} (10 s),
 * {@code api_version} (v2 only: Alertmanager 0.25 has no v1) and the HTTP client keys. Discovery
 * other than static and the keys not implemented are refused by name.
 */
final class AlertingConfigLoader {
    private static final Set<String> TOP = Set.of("alert_relabel_configs", "alertmanagers");
    private static final Set<String> AM = Set.of("static_configs", "scheme", "path_prefix", "timeout", "api_version",
            "basic_auth", "authorization", "tls_config", "bearer_token", "bearer_token_file", "follow_redirects",
            "enable_http2", "relabel_configs", "file_sd_configs", "dns_sd_configs", "kubernetes_sd_configs",
            "http_sd_configs", "oauth2", "proxy_url", "sigv4");
    private static final Set<String> LATER = Set.of("relabel_configs", "file_sd_configs", "dns_sd_configs",
            "kubernetes_sd_configs", "http_sd_configs", "oauth2", "proxy_url", "sigv4");

    private AlertingConfigLoader() {
    }

    static AlertingConfig load(Optional<YamlMap> maybe, Path base) throws ConfigException {
        if (maybe.isEmpty()) {
            return AlertingConfig.NONE;
        }
        YamlMap alerting = maybe.get().only(TOP);
        List<AlertingConfig.Alertmanagers> out = new ArrayList<>();
        for (YamlMap am : alerting.maps("alertmanagers")) {
            am.only(AM);
            for (String key : LATER) {
                if (am.has(key)) {
                    throw am.error(key, "\"" + key + "\" in alertmanagers is not supported by this version of vigil-hub yet");
                }
            }
            String version = am.string("api_version", "v2");
            if (!version.equals("v2")) {
                throw am.error("api_version", "expected Alertmanager api version to be one of [v2] but got " + version);
            }
            String scheme = am.string("scheme", "http");
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw am.error("scheme", "unsupported scheme \"" + scheme + "\"");
            }
            Duration timeout;
            try {
                timeout = PromDuration.parse(am.string("timeout", "10s"));
            } catch (IllegalArgumentException e) {
                throw am.error("timeout", e.getMessage());
            }
            List<String> targets = new ArrayList<>();
            for (YamlMap sc : am.maps("static_configs")) {
                sc.only(Set.of("targets", "labels"));
                targets.addAll(sc.strings("targets"));
            }
            out.add(new AlertingConfig.Alertmanagers(scheme, am.string("path_prefix", "/"), timeout, List.copyOf(targets),
                    HttpClientConfigLoader.load(am, base)));
        }
        return new AlertingConfig(ConfigLoader.relabels(alerting, "alert_relabel_configs"), List.copyOf(out));
    }
}
