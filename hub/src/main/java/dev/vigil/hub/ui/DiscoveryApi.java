package dev.vigil.hub.ui;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.hub.config.HubConfig;
import dev.vigil.hub.config.KubernetesSdConfig;
import dev.vigil.hub.scrape.ScrapeLoop;
import dev.vigil.hub.scrape.ScrapeTarget;
import dev.vigil.hub.web.Json;
import dev.vigil.model.Labels;
import dev.vigil.model.PromDuration;
import io.helidon.webserver.http.HttpRouting;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/vigil/v1/discovery}: per scrape pool (job, in config order), the service
 * discovery mechanisms configured (static_configs, file_sd files, http_sd URLs, dns_sd names,
 * kubernetes_sd roles, the hub's own announcements) and how many targets each produced: active
 * ones (and of those, up) and ones relabeling dropped. A target is attributed to its mechanism by
 * the labels it was discovered with ({@code __meta_filepath}, {@code __meta_url},
 * {@code __meta_dns_name}, {@code __meta_kubernetes_*}, {@code __meta_vigil_exporter}; none of
 * them: static). When two kubernetes_sd configs of a pool watch the same role their targets
 * cannot be told apart: each then reports the role's counts with {@code "shared": true}.
 *
 * <p>No secret is answered: URLs lose their user info and their query parameters' values, and
 * of an HTTP client config only which kind of authentication and whether TLS settings are set.
 */
final class DiscoveryApi {
    private final UiFacts facts;

    DiscoveryApi(UiFacts facts) {
        this.facts = facts;
    }

    void routes(HttpRouting.Builder routing) {
        routing.get(VigilApi.PREFIX + "discovery", (req, res) -> {
            HubConfig config = facts.config() == null ? null : facts.config().get();
            List<Seen> seen = new ArrayList<>();
            for (ScrapeLoop loop : facts.scrapes().loops()) {
                ScrapeTarget t = loop.target();
                seen.add(new Seen(t.config().jobName(), t.discoveredLabels(), true, "up".equals(loop.health().health())));
            }
            for (ScrapeTarget.Dropped d : facts.scrapes().dropped()) {
                seen.add(new Seen(d.job(), d.discoveredLabels(), false, false));
            }
            List<Pool> pools = pools(config, seen);
            Json.success(res, g -> write(g, pools, config != null));
        });
    }

    /** A target as discovery produced it: its pool, discovered labels, whether active, whether up. */
    record Seen(String job, Labels discovered, boolean active, boolean up) {
    }

    /** Target counts. */
    static final class Counts {
        int active;
        int up;
        int dropped;

        void add(Seen s) {
            if (s.active()) {
                active++;
                if (s.up()) {
                    up++;
                }
            } else {
                dropped++;
            }
        }
    }

    /** One configured mechanism: its kind, what to show of it (no secrets) and its targets. */
    record Source(String mechanism, Map<String, Object> details, Counts counts, boolean shared) {
    }

    /** One scrape pool with its sources and its totals. */
    record Pool(String job, List<Source> sources, Counts total) {
    }

    /** The pools of {@code config} (or, without one, of the targets seen) with their sources' counts. */
    static List<Pool> pools(HubConfig config, List<Seen> seen) {
        Map<String, List<Seen>> byJob = new LinkedHashMap<>();
        for (Seen s : seen) {
            byJob.computeIfAbsent(s.job(), k -> new ArrayList<>()).add(s);
        }
        List<Pool> out = new ArrayList<>();
        if (config == null) {
            for (Map.Entry<String, List<Seen>> e : byJob.entrySet()) {
                Counts total = new Counts();
                e.getValue().forEach(total::add);
                out.add(new Pool(e.getKey(), List.of(), total));
            }
            return out;
        }
        for (HubConfig.ScrapeConfig sc : config.scrapeConfigs()) {
            out.add(pool(sc, byJob.getOrDefault(sc.jobName(), List.of())));
        }
        return out;
    }

    static Pool pool(HubConfig.ScrapeConfig sc, List<Seen> seen) {
        Counts total = new Counts();
        seen.forEach(total::add);
        List<Source> sources = new ArrayList<>();
        if (!sc.staticConfigs().isEmpty()) {
            Counts c = new Counts();
            seen.stream().filter(s -> isStatic(s.discovered())).forEach(c::add);
            int addresses = sc.staticConfigs().stream().mapToInt(g -> g.targets().size()).sum();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("groups", sc.staticConfigs().size());
            d.put("targets", addresses);
            sources.add(new Source("static_configs", d, c, false));
        }
        for (HubConfig.FileSdConfig sd : sc.fileSdConfigs()) {
            Counts c = new Counts();
            Map<String, Integer> perFile = new TreeMap<>();
            for (Seen s : seen) {
                String file = s.discovered().get("__meta_filepath");
                if (!file.isEmpty() && !s.discovered().has("__meta_url") && matchesAny(sd.files(), file)) {
                    c.add(s);
                    perFile.merge(file, 1, Integer::sum);
                }
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("files", sd.files());
            d.put("refreshInterval", PromDuration.format(sd.refreshInterval()));
            d.put("targetsPerFile", perFile);
            sources.add(new Source("file_sd_configs", d, c, false));
        }
        for (HubConfig.HttpSdConfig sd : sc.httpSdConfigs()) {
            Counts c = new Counts();
            String url = sd.url().toString();
            seen.stream().filter(s -> s.discovered().get("__meta_url").equals(url)).forEach(c::add);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("url", redact(sd.url()));
            d.put("refreshInterval", PromDuration.format(sd.refreshInterval()));
            client(d, sd.http());
            sources.add(new Source("http_sd_configs", d, c, false));
        }
        for (HubConfig.DnsSdConfig sd : sc.dnsSdConfigs()) {
            Counts c = new Counts();
            seen.stream().filter(s -> sd.names().contains(s.discovered().get("__meta_dns_name"))).forEach(c::add);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("names", sd.names());
            d.put("type", sd.type());
            if (sd.port() > 0) {
                d.put("port", sd.port());
            }
            d.put("refreshInterval", PromDuration.format(sd.refreshInterval()));
            sources.add(new Source("dns_sd_configs", d, c, false));
        }
        Map<String, Integer> roles = new LinkedHashMap<>();
        for (KubernetesSdConfig sd : sc.kubernetesSdConfigs()) {
            roles.merge(sd.role().configName(), 1, Integer::sum);
        }
        for (KubernetesSdConfig sd : sc.kubernetesSdConfigs()) {
            String role = sd.role().configName();
            Counts c = new Counts();
            seen.stream().filter(s -> role.equals(kubernetesRole(s.discovered()))).forEach(c::add);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("role", role);
            d.put("apiServer", sd.apiServer() == null ? "(in-cluster)" : redact(sd.apiServer()));
            d.put("namespaces", sd.namespaces().isEmpty() && !sd.ownNamespace() ? List.of("(all)")
                    : sd.ownNamespace() ? List.of("(own namespace)") : sd.namespaces());
            client(d, sd.http());
            sources.add(new Source("kubernetes_sd_configs", d, c, roles.get(role) > 1));
        }
        if (sc.vigilSd()) {
            Counts c = new Counts();
            seen.stream().filter(s -> s.discovered().has("__meta_vigil_exporter")).forEach(c::add);
            sources.add(new Source("vigil_sd", Map.of(), c, false));
        }
        return new Pool(sc.jobName(), sources, total);
    }

    /** Whether no discovery mechanism labeled the target (a static_configs entry). */
    static boolean isStatic(Labels discovered) {
        for (String name : discovered.names()) {
            if (name.startsWith("__meta_")) {
                return false;
            }
        }
        return true;
    }

    /** The kubernetes_sd role that produced a target, from its labels; null when none did. */
    static String kubernetesRole(Labels l) {
        if (l.has("__meta_kubernetes_endpoints_name")) {
            return "endpoints";
        }
        if (l.has("__meta_kubernetes_pod_name")) {
            return "pod";
        }
        if (l.has("__meta_kubernetes_service_name")) {
            return "service";
        }
        if (l.has("__meta_kubernetes_node_name")) {
            return "node";
        }
        return null;
    }

    /** Whether a file_sd file was matched by one of the patterns (a glob allowed in the last element). */
    static boolean matchesAny(List<String> patterns, String file) {
        for (String pattern : patterns) {
            if (pattern.equals(file)) {
                return true;
            }
            try {
                Path p = Path.of(pattern);
                Path f = Path.of(file);
                if (p.getFileName() == null || f.getFileName() == null
                        || !String.valueOf(p.getParent()).equals(String.valueOf(f.getParent()))) {
                    continue;
                }
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + p.getFileName());
                if (m.matches(f.getFileName())) {
                    return true;
                }
            } catch (RuntimeException notAPattern) {
                // an invalid path or glob matches nothing
            }
        }
        return false;
    }

    /** A URL without user info and with its query parameters' values hidden. */
    static String redact(URI uri) {
        String query = uri.getRawQuery();
        String hidden = null;
        if (query != null && !query.isEmpty()) {
            StringBuilder q = new StringBuilder();
            for (String part : query.split("&")) {
                if (!q.isEmpty()) {
                    q.append('&');
                }
                int eq = part.indexOf('=');
                q.append(eq < 0 ? part : part.substring(0, eq) + "=<redacted>");
            }
            hidden = q.toString();
        }
        try {
            URI clean = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getRawPath() == null ? null
                    : uri.getPath(), null, null);
            return clean + (hidden == null ? "" : "?" + hidden);
        } catch (URISyntaxException e) {
            return "(unparseable URL)";
        }
    }

    /** Which authentication and TLS settings a client config has, never their values. */
    private static void client(Map<String, Object> d, HubConfig.HttpClientConfig http) {
        if (http == null) {
            return;
        }
        if (http.basicAuth() != null) {
            d.put("auth", "basic_auth");
        } else if (http.authorization() != null) {
            d.put("auth", "authorization (" + http.authorization().type() + ")");
        }
        HubConfig.TlsConfig tls = http.tls();
        if (tls != null && !tls.equals(HubConfig.TlsConfig.NONE)) {
            d.put("tls", tls.insecureSkipVerify() ? "insecure_skip_verify" : "tls_config");
        }
    }

    static void write(JsonGenerator g, List<Pool> pools, boolean configKnown) throws IOException {
        g.writeStartObject();
        g.writeBooleanField("configKnown", configKnown);
        g.writeArrayFieldStart("pools");
        for (Pool p : pools) {
            g.writeStartObject();
            g.writeStringField("job", p.job());
            counts(g, p.total());
            g.writeArrayFieldStart("sources");
            for (Source s : p.sources()) {
                g.writeStartObject();
                g.writeStringField("mechanism", s.mechanism());
                counts(g, s.counts());
                if (s.shared()) {
                    g.writeBooleanField("shared", true);
                }
                g.writeFieldName("details");
                value(g, s.details());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void counts(JsonGenerator g, Counts c) throws IOException {
        g.writeNumberField("active", c.active);
        g.writeNumberField("up", c.up);
        g.writeNumberField("dropped", c.dropped);
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                value(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else {
            g.writeString(String.valueOf(v));
        }
    }
}
