package dev.vigil.hub.config;

import java.net.URI;
import java.util.List;

/**
 * One {@code kubernetes_sd_configs} entry: the role to discover, the API server (null for the
 * in-cluster config), the namespaces to watch (empty and no own namespace: all of them), the
 * label and field selectors per role, whether pods and endpoints get their node's labels
 * ({@code attach_metadata.node}) and the HTTP client config for the API server.
 */
public record KubernetesSdConfig(Role role, URI apiServer, List<String> namespaces, boolean ownNamespace,
        List<Selector> selectors, boolean attachNodeMetadata, HubConfig.HttpClientConfig http) {

    /** The roles this hub implements (Prometheus' endpointslice and ingress are refused when loading). */
    public enum Role {
        NODE("node"), POD("pod"), SERVICE("service"), ENDPOINTS("endpoints");

        private final String configName;

        Role(String configName) {
            this.configName = configName;
        }

        public String configName() {
            return configName;
        }
    }

    /** {@code selectors} entry: a label and a field selector, passed to the API server as they are. */
    public record Selector(String role, String label, String field) {
    }

    /** The selector for objects of {@code role} (empty selectors when none is configured). */
    public Selector selector(String role) {
        for (Selector s : selectors) {
            if (s.role().equals(role)) {
                return s;
            }
        }
        return new Selector(role, "", "");
    }
}
