package dev.vigil.hub.config;

import dev.vigil.hub.relabel.RelabelConfig;
import java.time.Duration;
import java.util.List;

/**
 * prometheus.yml's {@code alerting}: relabeling of outgoing alerts and the Alertmanagers they go
 * to (static targets; API v2, as Prometheus 2.42 defaults to).
 */
public record AlertingConfig(List<RelabelConfig> alertRelabelConfigs, List<Alertmanagers> alertmanagers) {
    public static final AlertingConfig NONE = new AlertingConfig(List.of(), List.of());

    /** One {@code alertmanagers} entry. */
    public record Alertmanagers(String scheme, String pathPrefix, Duration timeout, List<String> targets,
            HubConfig.HttpClientConfig http) {
        /** The alerts endpoint of one target: {@code scheme://host:port/prefix/api/v2/alerts}. */
        public java.net.URI alertsUrl(String target) {
            String prefix = pathPrefix.endsWith("/") ? pathPrefix.substring(0, pathPrefix.length() - 1) : pathPrefix;
            if (!prefix.isEmpty() && !prefix.startsWith("/")) {
                prefix = "/" + prefix;
            }
            return java.net.URI.create(scheme + "://" + target + prefix + "/api/v2/alerts");
        }
    }
}
