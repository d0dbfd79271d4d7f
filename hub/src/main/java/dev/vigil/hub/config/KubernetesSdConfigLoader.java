package dev.vigil.hub.config;

import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.exporter.yaml.YamlMap;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a scrape config's {@code kubernetes_sd_configs} with Prometheus 2.42's checks and wording
 * (role missing or unknown, selectors per role, custom HTTP client config only with
 * {@code api_server}). Prometheus' endpointslice and ingress roles, {@code kubeconfig_file},
 * {@code oauth2} and the proxy keys are refused by name.
 */
final class KubernetesSdConfigLoader {
    private static final Set<String> KEYS = Set.of("role", "api_server", "kubeconfig_file", "namespaces", "selectors",
            "attach_metadata", "basic_auth", "authorization", "oauth2", "bearer_token", "bearer_token_file",
            "tls_config", "proxy_url", "proxy_connect_header", "follow_redirects", "enable_http2");
    private static final List<String> LATER = List.of("kubeconfig_file", "oauth2", "proxy_url",
            "proxy_connect_header", "follow_redirects", "enable_http2");
    private static final Set<String> HTTP = Set.of("basic_auth", "authorization", "bearer_token",
            "bearer_token_file", "tls_config");
    private static final List<String> ALL_ROLES = List.of("pod", "service", "endpoints", "endpointslice", "node",
            "ingress");
    /** Which objects' selectors each role takes (Prometheus' allowedSelectors). */
    private static final Map<String, List<String>> ALLOWED_SELECTORS = Map.of(
            "pod", List.of("pod"), "service", List.of("service"), "node", List.of("node"),
            "endpoints", List.of("pod", "service", "endpoints"));

    private static final String NAME = "[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?";
    private static final String KEY = "([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?" + NAME;
    private static final String VALUE = "(" + NAME + ")?";
    private static final Pattern LABEL_REQUIREMENT = Pattern.compile("!?\\s*" + KEY
            + "|" + KEY + "\\s*(==?|!=)\\s*" + VALUE
            + "|" + KEY + "\\s*[<>]\\s*-?[0-9]+"
            + "|" + KEY + "\\s+(in|notin)\\s*\\(\\s*" + VALUE + "(\\s*,\\s*" + VALUE + ")*\\s*\\)");
    private static final Pattern FIELD_REQUIREMENT = Pattern.compile("[^=!,\\s]+\\s*(==?|!=)\\s*[^,]*");

    private KubernetesSdConfigLoader() {
    }

    static List<KubernetesSdConfig> load(YamlMap scrape, Path base) throws ConfigException {
        List<KubernetesSdConfig> out = new ArrayList<>();
        for (YamlMap k : scrape.maps("kubernetes_sd_configs")) {
            out.add(one(k.only(KEYS), base));
        }
        return List.copyOf(out);
    }

    private static KubernetesSdConfig one(YamlMap k, Path base) throws ConfigException {
        for (String key : LATER) {
            if (k.has(key)) {
                throw k.error(key, "\"" + key + "\" is not supported by this version of vigil-hub yet");
            }
        }
        String rawRole = k.string("role", "");
        if (rawRole.isEmpty()) {
            throw k.error("role", "role missing (one of: pod, service, endpoints, endpointslice, node, ingress)");
        }
        KubernetesSdConfig.Role role = role(k, "role", rawRole);
        URI apiServer = null;
        Optional<String> rawServer = k.string("api_server");
        if (rawServer.isPresent() && !rawServer.get().isEmpty()) {
            try {
                apiServer = URI.create(rawServer.get());
            } catch (IllegalArgumentException e) {
                throw k.error("api_server", "invalid api_server URL \"" + rawServer.get() + "\": " + e.getMessage());
            }
            if (!"http".equals(apiServer.getScheme()) && !"https".equals(apiServer.getScheme())
                    || apiServer.getHost() == null) {
                throw k.error("api_server", "api_server must be an http or https URL with a host: \""
                        + rawServer.get() + "\"");
            }
        }
        if (apiServer == null) {
            for (String key : HTTP) {
                if (k.has(key)) {
                    throw k.error(key, "to use custom HTTP client configuration please provide the 'api_server' "
                            + "URL explicitly");
                }
            }
        }
        List<String> namespaces = List.of();
        boolean own = false;
        Optional<YamlMap> ns = k.map("namespaces");
        if (ns.isPresent()) {
            YamlMap n = ns.get().only(Set.of("names", "own_namespace"));
            namespaces = List.copyOf(n.strings("names"));
            own = n.bool("own_namespace").orElse(false);
        }
        List<KubernetesSdConfig.Selector> selectors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlMap s : k.maps("selectors")) {
            s.only(Set.of("role", "label", "field"));
            String selectorRole = s.string("role", "");
            if (!ALL_ROLES.contains(selectorRole)) {
                throw s.error("role", "unknown Kubernetes SD role \"" + selectorRole + "\"");
            }
            if (!seen.add(selectorRole)) {
                throw s.error("role", "duplicated selector role: " + selectorRole);
            }
            List<String> allowed = ALLOWED_SELECTORS.get(role.configName());
            if (!allowed.contains(selectorRole)) {
                throw s.error("role", role.configName() + " role supports only " + String.join(", ", allowed)
                        + " selectors");
            }
            String label = s.string("label", "");
            String field = s.string("field", "");
            check(s, "label", label, LABEL_REQUIREMENT);
            check(s, "field", field, FIELD_REQUIREMENT);
            selectors.add(new KubernetesSdConfig.Selector(selectorRole, label, field));
        }
        boolean attachNode = false;
        Optional<YamlMap> attach = k.map("attach_metadata");
        if (attach.isPresent()) {
            attachNode = attach.get().only(Set.of("node")).bool("node").orElse(false);
        }
        HubConfig.HttpClientConfig http = apiServer == null ? HubConfig.HttpClientConfig.NONE
                : HttpClientConfigLoader.load(k, base);
        return new KubernetesSdConfig(role, apiServer, namespaces, own, List.copyOf(selectors), attachNode, http);
    }

    private static KubernetesSdConfig.Role role(YamlMap map, String key, String raw) throws ConfigException {
        for (KubernetesSdConfig.Role r : KubernetesSdConfig.Role.values()) {
            if (r.configName().equals(raw)) {
                return r;
            }
        }
        if (ALL_ROLES.contains(raw)) {
            throw map.error(key, "role \"" + raw + "\" is not supported by this version of vigil-hub yet");
        }
        throw map.error(key, "unknown Kubernetes SD role \"" + raw + "\"");
    }

    /** Checks each comma-separated requirement (commas inside parentheses belong to a set). */
    private static void check(YamlMap map, String key, String selector, Pattern requirement) throws ConfigException {
        if (selector.isBlank()) {
            return;
        }
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= selector.length(); i++) {
            char c = i < selector.length() ? selector.charAt(i) : ',';
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && (depth == 0 || i == selector.length())) {
                String part = selector.substring(start, i).trim();
                if (!requirement.matcher(part).matches()) {
                    throw map.error(key, "invalid " + key + " selector \"" + selector + "\": cannot parse \""
                            + part + "\"");
                }
                start = i + 1;
            }
        }
    }
}
