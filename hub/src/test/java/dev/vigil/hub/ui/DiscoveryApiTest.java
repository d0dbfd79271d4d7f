package dev.vigil.hub.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.hub.config.HubConfig;
import dev.vigil.model.Labels;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscoveryApiTest {
    private static HubConfig.ScrapeConfig job(String name, List<HubConfig.TargetGroup> statics,
            List<HubConfig.FileSdConfig> files, List<HubConfig.HttpSdConfig> https, List<HubConfig.DnsSdConfig> dns) {
        return new HubConfig.ScrapeConfig(name, Duration.ofSeconds(15), Duration.ofSeconds(10), "/metrics", "http",
                false, true, Map.of(), 0, statics, List.of(), List.of(), HubConfig.HttpClientConfig.NONE,
                HubConfig.Limits.NONE, files, https, false, dns, List.of());
    }

    private static DiscoveryApi.Seen seen(String job, boolean active, boolean up, String... labels) {
        return new DiscoveryApi.Seen(job, Labels.of(labels), active, up);
    }

    @Test
    void attributesTargetsToTheirMechanismsWithoutSecrets() throws Exception {
        URI secretUrl = URI.create("https://user:hunter2@sd.example:8443/targets?token=abc&zone=eu");
        HubConfig.HttpClientConfig auth = new HubConfig.HttpClientConfig(
                new HubConfig.BasicAuth("sd", "s3cret", null), null, HubConfig.TlsConfig.NONE);
        HubConfig config = new HubConfig(HubConfig.Global.DEFAULT, List.of(
                job("mixed", List.of(new HubConfig.TargetGroup(List.of("a:1", "b:2"), Map.of())),
                        List.of(new HubConfig.FileSdConfig(List.of("/etc/sd/*.json"), Duration.ofMinutes(5))),
                        List.of(new HubConfig.HttpSdConfig(secretUrl, Duration.ofMinutes(1), auth)),
                        List.of(new HubConfig.DnsSdConfig(List.of("_x._tcp.example"), "SRV", 0, Duration.ofSeconds(30)))),
                job("empty", List.of(), List.of(), List.of(), List.of())), "");
        List<DiscoveryApi.Seen> seen = List.of(
                seen("mixed", true, true, "__address__", "a:1"),
                seen("mixed", false, false, "__address__", "b:2"),
                seen("mixed", true, false, "__address__", "c:3", "__meta_filepath", "/etc/sd/one.json"),
                seen("mixed", true, true, "__address__", "d:4", "__meta_filepath", "/etc/sd/two.json"),
                seen("mixed", true, true, "__address__", "e:5", "__meta_filepath", "/other/x.json"),
                seen("mixed", true, true, "__address__", "f:6", "__meta_url", secretUrl.toString()),
                seen("mixed", true, true, "__address__", "g:7", "__meta_dns_name", "_x._tcp.example"));
        List<DiscoveryApi.Pool> pools = DiscoveryApi.pools(config, seen);
        assertEquals(List.of("mixed", "empty"), pools.stream().map(DiscoveryApi.Pool::job).toList());
        DiscoveryApi.Pool mixed = pools.get(0);
        assertEquals(6, mixed.total().active);
        assertEquals(5, mixed.total().up);
        assertEquals(1, mixed.total().dropped);
        assertEquals(List.of("static_configs", "file_sd_configs", "http_sd_configs", "dns_sd_configs"),
                mixed.sources().stream().map(DiscoveryApi.Source::mechanism).toList());
        DiscoveryApi.Source statics = mixed.sources().get(0);
        assertEquals(List.of(1, 1, 1), List.of(statics.counts().active, statics.counts().up, statics.counts().dropped));
        assertEquals(2, statics.details().get("targets"));
        DiscoveryApi.Source files = mixed.sources().get(1);
        assertEquals(2, files.counts().active); // /other/x.json is no match for the pattern
        assertEquals(Map.of("/etc/sd/one.json", 1, "/etc/sd/two.json", 1), files.details().get("targetsPerFile"));
        assertEquals(1, mixed.sources().get(2).counts().active);
        assertEquals(1, mixed.sources().get(3).counts().active);
        assertTrue(pools.get(1).sources().isEmpty());

        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            DiscoveryApi.write(g, pools, true);
        }
        String json = out.toString();
        assertFalse(json.contains("hunter2"), json);
        assertFalse(json.contains("s3cret"), json);
        assertFalse(json.contains("abc"), json);
        assertTrue(json.contains("\"url\":\"https://sd.example:8443/targets?token=<redacted>&zone=<redacted>\""), json);
        assertTrue(json.contains("\"auth\":\"basic_auth\""), json);
    }

    @Test
    void withoutAConfigPoolsComeFromTheTargets() {
        List<DiscoveryApi.Pool> pools = DiscoveryApi.pools(null, List.of(seen("a", true, true, "__address__", "x:1")));
        assertEquals(1, pools.size());
        assertEquals(1, pools.get(0).total().up);
    }

    @Test
    void kubernetesRolesAndRedaction() {
        assertEquals("endpoints", DiscoveryApi.kubernetesRole(Labels.of("__meta_kubernetes_endpoints_name", "e",
                "__meta_kubernetes_pod_name", "p")));
        assertEquals("pod", DiscoveryApi.kubernetesRole(Labels.of("__meta_kubernetes_pod_name", "p",
                "__meta_kubernetes_pod_node_name", "n")));
        assertEquals("node", DiscoveryApi.kubernetesRole(Labels.of("__meta_kubernetes_node_name", "n")));
        assertNull(DiscoveryApi.kubernetesRole(Labels.of("__address__", "x")));
        assertEquals("http://h/p", DiscoveryApi.redact(URI.create("http://u:p@h/p")));
        assertTrue(DiscoveryApi.matchesAny(List.of("/a/*.yml"), "/a/b.yml"));
        assertFalse(DiscoveryApi.matchesAny(List.of("/a/*.yml"), "/a/b/c.yml"));
    }
}
