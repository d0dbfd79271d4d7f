package dev.vigil.hub.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.testing.TestCa;
import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.hub.config.ConfigLoader;
import dev.vigil.hub.config.HubConfig;
import dev.vigil.hub.config.KubernetesSdConfig;
import dev.vigil.hub.config.ScrapeTls;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * kubernetes_sd against a fake API server on loopback: Prometheus 2.42's exact label sets for
 * each role, list+watch (ADDED, MODIFIED, DELETED, 410 Gone), the last good targets kept through
 * an auth failure, the in-cluster config, and the config loader's errors with their lines.
 */
class KubernetesSdTest {
    private static final String M = "__meta_kubernetes_";
    private static final Function<HubConfig.TlsConfig, HttpClient> PLAIN = tls -> HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private FakeKubernetesApi api;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        api = new FakeKubernetesApi("t0ken", null);
        Files.writeString(dir.resolve("token"), "t0ken\n");
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        api.close();
    }

    // ---- fixtures: objects as the API server returns them ----

    static final String NODE_1 = """
            {"metadata":{"name":"node-1","resourceVersion":"10",
              "labels":{"kubernetes.io/hostname":"node-1","topology.kubernetes.io/zone":"eu-1a"},
              "annotations":{"node.alpha.kubernetes.io/ttl":"0"}},
             "spec":{"providerID":"aws:///eu-1a/i-0abc"},
             "status":{"addresses":[{"type":"Hostname","address":"node-1"},{"type":"InternalIP","address":"10.0.0.1"},
               {"type":"ExternalIP","address":"203.0.113.7"},{"type":"InternalIP","address":"10.0.0.99"}],
              "daemonEndpoints":{"kubeletEndpoint":{"Port":10250}}}}""";

    static String node(String name, String ip, String version) {
        return "{\"metadata\":{\"name\":\"" + name + "\",\"resourceVersion\":\"" + version + "\"},"
                + "\"status\":{\"addresses\":[{\"type\":\"InternalIP\",\"address\":\"" + ip + "\"}],"
                + "\"daemonEndpoints\":{\"kubeletEndpoint\":{\"Port\":10250}}}}";
    }

    static final String POD_WEB_0 = """
            {"metadata":{"name":"web-0","namespace":"default","uid":"uid-1","resourceVersion":"20",
              "labels":{"app":"web"},"annotations":{"prometheus.io/scrape":"true"},
              "ownerReferences":[{"kind":"Node","name":"x"},{"kind":"StatefulSet","name":"web","controller":true}]},
             "spec":{"nodeName":"node-1",
              "containers":[{"name":"app","image":"web:1.0","ports":[{"name":"http","containerPort":8080,"protocol":"TCP"},
                  {"name":"metrics","containerPort":9100,"protocol":"TCP"}]},
                {"name":"sidecar","image":"proxy:2"}],
              "initContainers":[{"name":"setup","image":"busybox","ports":[{"containerPort":7000,"protocol":"UDP"}]}]},
             "status":{"phase":"Running","podIP":"10.1.0.5","hostIP":"10.0.0.1",
              "conditions":[{"type":"Initialized","status":"True"},{"type":"Ready","status":"False"}],
              "containerStatuses":[{"name":"app","containerID":"containerd://abc"},{"name":"sidecar","containerID":"containerd://def"}],
              "initContainerStatuses":[{"name":"setup","containerID":"containerd://123"}]}}""";

    static final String POD_PENDING = """
            {"metadata":{"name":"web-1","namespace":"default","resourceVersion":"21"},
             "spec":{"containers":[{"name":"app","image":"web:1.0"}]},"status":{"phase":"Pending"}}""";

    static final String SVC_WEB = """
            {"metadata":{"name":"web","namespace":"default","resourceVersion":"30","labels":{"app":"web"},
              "annotations":{"prometheus.io/probe":"true"}},
             "spec":{"type":"ClusterIP","clusterIP":"10.96.0.10","ports":[{"name":"http","port":80,"protocol":"TCP",
              "targetPort":8080},{"name":"dns","port":53,"protocol":"UDP"}]}}""";

    static final String SVC_EXT = """
            {"metadata":{"name":"ext","namespace":"default","resourceVersion":"31"},
             "spec":{"type":"ExternalName","externalName":"db.example.com","ports":[{"port":5432,"protocol":"TCP"}]}}""";

    static final String EP_WEB = """
            {"metadata":{"name":"web","namespace":"default","resourceVersion":"40","labels":{"app":"web"}},
             "subsets":[{"addresses":[{"ip":"10.1.0.5","nodeName":"node-1",
                 "targetRef":{"kind":"Pod","name":"web-0","namespace":"default"}}],
               "notReadyAddresses":[{"ip":"10.1.0.9","hostname":"web-9"}],
               "ports":[{"name":"http","port":8080,"protocol":"TCP"}]}]}""";

    // ---- helpers ----

    private KubernetesSdConfig config(String yaml) throws ConfigException {
        String text = "scrape_configs:\n  - job_name: k8s\n    kubernetes_sd_configs:\n" + yaml;
        Path file = dir.resolve("prometheus.yml");
        try {
            Files.writeString(file, text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return ConfigLoader.load(file).scrapeConfigs().get(0).kubernetesSdConfigs().get(0);
    }

    private String server() {
        return "      - api_server: http://127.0.0.1:" + api.port() + "\n"
                + "        authorization:\n          credentials_file: token\n";
    }

    private KubernetesSd sd(KubernetesSdConfig config) {
        KubernetesSd sd = new KubernetesSd("k8s", config, PLAIN, new KubernetesEnvironment(Map.of(), dir));
        closing.add(sd);
        return sd;
    }

    static <T> T await(Supplier<T> value, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        T last = value.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened; last seen: " + last);
            }
            Thread.sleep(50);
            last = value.get();
        }
        return last;
    }

    static Map<String, String> labels(Map<String, String> base, String... kv) {
        Map<String, String> out = new LinkedHashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            out.put(kv[i].startsWith("__") || kv[i].equals("instance") ? kv[i] : M + kv[i], kv[i + 1]);
        }
        return out;
    }

    static HubConfig.TargetGroup group(String target, Map<String, String> labels) {
        return new HubConfig.TargetGroup(List.of(target), labels);
    }

    // ---- roles ----

    @Test
    void nodeRoleGivesPrometheusLabelsAndSendsTheSelectors() throws Exception {
        api.list("/api/v1/nodes", "11", NODE_1);
        KubernetesSd sd = sd(config(server() + "        role: node\n        selectors:\n          - role: node\n"
                + "            label: \"node-role.kubernetes.io/worker\"\n            field: metadata.name=node-1\n"));
        List<HubConfig.TargetGroup> groups = await(sd::groups, g -> !g.isEmpty());
        assertEquals(List.of(group("10.0.0.1:10250", labels(Map.of(),
                "instance", "node-1",
                "node_name", "node-1",
                "node_provider_id", "aws:///eu-1a/i-0abc",
                "node_label_kubernetes_io_hostname", "node-1",
                "node_labelpresent_kubernetes_io_hostname", "true",
                "node_label_topology_kubernetes_io_zone", "eu-1a",
                "node_labelpresent_topology_kubernetes_io_zone", "true",
                "node_annotation_node_alpha_kubernetes_io_ttl", "0",
                "node_annotationpresent_node_alpha_kubernetes_io_ttl", "true",
                "node_address_Hostname", "node-1",
                "node_address_InternalIP", "10.0.0.1",
                "node_address_ExternalIP", "203.0.113.7"))), groups);
        String list = api.requests.get(0);
        assertTrue(list.startsWith("200 /api/v1/nodes?limit=500"), list);
        assertTrue(list.contains("labelSelector=node-role.kubernetes.io%2Fworker"), list);
        assertTrue(list.contains("fieldSelector=metadata.name%3Dnode-1"), list);
        String watch = await(() -> api.requests, r -> r.size() > 1).get(1);
        assertTrue(watch.contains("watch=true") && watch.contains("resourceVersion=11")
                && watch.contains("labelSelector=node-role.kubernetes.io%2Fworker"), watch);
    }

    static final Map<String, String> WEB_0 = labels(Map.of(),
            "pod_name", "web-0", "pod_ip", "10.1.0.5", "pod_ready", "false", "pod_phase", "Running",
            "pod_node_name", "node-1", "pod_host_ip", "10.0.0.1", "pod_uid", "uid-1",
            "pod_controller_kind", "StatefulSet", "pod_controller_name", "web",
            "pod_label_app", "web", "pod_labelpresent_app", "true",
            "pod_annotation_prometheus_io_scrape", "true", "pod_annotationpresent_prometheus_io_scrape", "true");

    @Test
    void podRoleGivesOneTargetPerContainerPortOrContainer() throws Exception {
        api.list("/api/v1/namespaces/default/pods", "22", POD_WEB_0, POD_PENDING);
        KubernetesSd sd = sd(config(server() + "        role: pod\n        namespaces:\n          names: [default]\n"));
        List<HubConfig.TargetGroup> groups = await(sd::groups, g -> !g.isEmpty());
        Map<String, String> pod = labels(WEB_0, "namespace", "default");
        assertEquals(List.of(
                group("10.1.0.5:8080", labels(pod, "pod_container_name", "app", "pod_container_id", "containerd://abc",
                        "pod_container_image", "web:1.0", "pod_container_port_number", "8080",
                        "pod_container_port_name", "http", "pod_container_port_protocol", "TCP",
                        "pod_container_init", "false")),
                group("10.1.0.5:9100", labels(pod, "pod_container_name", "app", "pod_container_id", "containerd://abc",
                        "pod_container_image", "web:1.0", "pod_container_port_number", "9100",
                        "pod_container_port_name", "metrics", "pod_container_port_protocol", "TCP",
                        "pod_container_init", "false")),
                group("10.1.0.5", labels(pod, "pod_container_name", "sidecar", "pod_container_id", "containerd://def",
                        "pod_container_image", "proxy:2", "pod_container_init", "false")),
                group("10.1.0.5:7000", labels(pod, "pod_container_name", "setup", "pod_container_id", "containerd://123",
                        "pod_container_image", "busybox", "pod_container_port_number", "7000",
                        "pod_container_port_name", "", "pod_container_port_protocol", "UDP",
                        "pod_container_init", "true"))), groups, "the pending pod without an IP has no targets");
        assertTrue(api.requests.get(0).startsWith("200 /api/v1/namespaces/default/pods?"), api.requests.toString());
    }

    @Test
    void attachMetadataAddsTheNodesNameAndLabelsToPods() throws Exception {
        api.list("/api/v1/namespaces/default/pods", "22", POD_WEB_0);
        api.list("/api/v1/nodes", "11", NODE_1);
        KubernetesSd sd = sd(config(server() + "        role: pod\n        namespaces:\n          names: [default]\n"
                + "        attach_metadata:\n          node: true\n"));
        List<HubConfig.TargetGroup> groups = await(sd::groups, g -> g.size() == 4);
        Map<String, String> first = groups.get(0).labels();
        assertEquals("node-1", first.get(M + "node_name"));
        assertEquals("eu-1a", first.get(M + "node_label_topology_kubernetes_io_zone"));
        assertEquals("true", first.get(M + "node_labelpresent_kubernetes_io_hostname"));
        assertEquals(null, first.get(M + "node_annotation_node_alpha_kubernetes_io_ttl"), "labels only, as 2.42");
    }

    @Test
    void serviceRoleGivesOneTargetPerPort() throws Exception {
        api.list("/api/v1/services", "32", SVC_WEB, SVC_EXT);
        KubernetesSd sd = sd(config(server() + "        role: service\n"));
        List<HubConfig.TargetGroup> groups = await(sd::groups, g -> !g.isEmpty());
        Map<String, String> web = labels(Map.of(), "service_name", "web", "namespace", "default",
                "service_label_app", "web", "service_labelpresent_app", "true",
                "service_annotation_prometheus_io_probe", "true", "service_annotationpresent_prometheus_io_probe", "true");
        Map<String, String> ext = labels(Map.of(), "service_name", "ext", "namespace", "default");
        assertEquals(List.of(
                group("ext.default.svc:5432", labels(ext, "service_port_name", "", "service_port_number", "5432",
                        "service_port_protocol", "TCP", "service_type", "ExternalName",
                        "service_external_name", "db.example.com")),
                group("web.default.svc:80", labels(web, "service_port_name", "http", "service_port_number", "80",
                        "service_port_protocol", "TCP", "service_type", "ClusterIP", "service_cluster_ip", "10.96.0.10")),
                group("web.default.svc:53", labels(web, "service_port_name", "dns", "service_port_number", "53",
                        "service_port_protocol", "UDP", "service_type", "ClusterIP", "service_cluster_ip", "10.96.0.10"))),
                groups);
    }

    @Test
    void endpointsRoleAttachesServiceAndPodLabels() throws Exception {
        api.list("/api/v1/namespaces/default/endpoints", "41", EP_WEB);
        api.list("/api/v1/namespaces/default/services", "32", SVC_WEB);
        api.list("/api/v1/namespaces/default/pods", "22", POD_WEB_0);
        KubernetesSd sd = sd(config(server() + "        role: endpoints\n        namespaces:\n          names: [default]\n"
                + "        selectors:\n          - role: pod\n            label: app=web\n"));
        List<HubConfig.TargetGroup> groups = await(sd::groups, g -> !g.isEmpty());
        Map<String, String> group = labels(Map.of(), "namespace", "default", "endpoints_name", "web",
                "service_name", "web", "service_label_app", "web", "service_labelpresent_app", "true",
                "service_annotation_prometheus_io_probe", "true", "service_annotationpresent_prometheus_io_probe", "true",
                "endpoints_label_app", "web", "endpoints_labelpresent_app", "true");
        Map<String, String> withPod = new LinkedHashMap<>(group);
        withPod.putAll(WEB_0);
        assertEquals(List.of(
                group("10.1.0.5:8080", labels(withPod, "endpoint_port_name", "http", "endpoint_port_protocol", "TCP",
                        "endpoint_ready", "true", "endpoint_address_target_kind", "Pod",
                        "endpoint_address_target_name", "web-0", "endpoint_node_name", "node-1",
                        "pod_container_name", "app", "pod_container_image", "web:1.0", "pod_container_port_name", "http",
                        "pod_container_port_number", "8080", "pod_container_port_protocol", "TCP")),
                group("10.1.0.9:8080", labels(group, "endpoint_port_name", "http", "endpoint_port_protocol", "TCP",
                        "endpoint_ready", "false", "endpoint_hostname", "web-9")),
                group("10.1.0.5:9100", labels(withPod, "pod_container_name", "app", "pod_container_image", "web:1.0",
                        "pod_container_port_name", "metrics", "pod_container_port_number", "9100",
                        "pod_container_port_protocol", "TCP"))), groups);
        List<String> requests = List.copyOf(api.requests);
        assertTrue(requests.stream().anyMatch(r -> r.startsWith("200 /api/v1/namespaces/default/pods?")
                && r.contains("labelSelector=app%3Dweb")), requests.toString());
        assertTrue(requests.stream().filter(r -> !r.contains("/pods?")).noneMatch(r -> r.contains("labelSelector")),
                requests.toString());
    }

    // ---- watch, failures, in-cluster ----

    @Test
    void watchEventsChangeTheGroupsAnd410ListsAgain() throws Exception {
        api.list("/api/v1/nodes", "11", node("a", "10.0.0.1", "5"));
        AtomicReference<Map<String, List<HubConfig.TargetGroup>>> seen = new AtomicReference<>(Map.of());
        Path file = dir.resolve("prometheus.yml");
        Files.writeString(file, "scrape_configs:\n  - job_name: k8s\n    kubernetes_sd_configs:\n" + server()
                + "        role: node\n");
        try (DiscoveryManager discovery = new DiscoveryManager((c, g) -> seen.set(g), PLAIN, new Announcements(),
                new DnsSd("dns:"), new KubernetesEnvironment(Map.of(), dir))) {
            discovery.apply(ConfigLoader.load(file));
            await(() -> targets(seen), t -> t.equals(List.of("10.0.0.1:10250")));
            api.event("/api/v1/nodes", "ADDED", node("b", "10.0.0.2", "12"));
            await(() -> targets(seen), t -> t.equals(List.of("10.0.0.1:10250", "10.0.0.2:10250")));
            api.event("/api/v1/nodes", "MODIFIED", node("a", "10.0.0.3", "13"));
            await(() -> targets(seen), t -> t.equals(List.of("10.0.0.3:10250", "10.0.0.2:10250")));
            api.event("/api/v1/nodes", "DELETED", node("b", "10.0.0.2", "14"));
            await(() -> targets(seen), t -> t.equals(List.of("10.0.0.3:10250")));
            assertTrue(api.requests.stream().anyMatch(r -> r.contains("watch=true") && r.contains("resourceVersion=11")));

            // The watch ends (server timeout): resumed from the last version seen, not listed again.
            api.endWatch("/api/v1/nodes");
            await(() -> api.requests, r -> r.stream().anyMatch(q -> q.contains("watch=true")
                    && q.contains("resourceVersion=14")));
            assertEquals(1, api.requests.stream().filter(r -> !r.contains("watch=true")).count());

            // 410 Gone: listed again, and the list is the truth.
            api.list("/api/v1/nodes", "30", node("c", "10.0.0.4", "29"));
            api.event("/api/v1/nodes", "ERROR", "{\"kind\":\"Status\",\"code\":410,\"reason\":\"Expired\","
                    + "\"message\":\"too old resource version: 14 (25)\"}");
            await(() -> targets(seen), t -> t.equals(List.of("10.0.0.4:10250")));
            assertEquals("c", seen.get().get("k8s").get(0).labels().get(M + "node_name"));
        }
    }

    @Test
    void anAuthFailureKeepsTheLastGoodGroupsUntilTheTokenWorksAgain() throws Exception {
        api.list("/api/v1/nodes", "11", node("a", "10.0.0.1", "5"));
        AtomicReference<Map<String, List<HubConfig.TargetGroup>>> seen = new AtomicReference<>(Map.of());
        Path file = dir.resolve("prometheus.yml");
        Files.writeString(file, "scrape_configs:\n  - job_name: k8s\n    kubernetes_sd_configs:\n" + server()
                + "        role: node\n");
        try (DiscoveryManager discovery = new DiscoveryManager((c, g) -> seen.set(g), PLAIN, new Announcements(),
                new DnsSd("dns:"), new KubernetesEnvironment(Map.of(), dir))) {
            discovery.apply(ConfigLoader.load(file));
            await(() -> targets(seen), t -> t.equals(List.of("10.0.0.1:10250")));

            api.token("rotated");
            api.list("/api/v1/nodes", "20", node("a", "10.0.0.1", "5"), node("b", "10.0.0.2", "19"));
            api.endWatch("/api/v1/nodes");
            await(() -> api.count(401), n -> n >= 2); // the watch and the list after it refused
            Thread.sleep(1500);
            assertEquals(List.of("10.0.0.1:10250"), targets(seen), "kept through the auth failure");

            Files.writeString(dir.resolve("token"), "rotated\n"); // read for every request
            await(() -> targets(seen), t -> t.equals(List.of("10.0.0.1:10250", "10.0.0.2:10250")));
        }
    }

    @Test
    void aReloadWithNewCredentialsRestartsTheWatches() throws Exception {
        api.list("/api/v1/nodes", "11", node("a", "10.0.0.1", "5"));
        AtomicReference<Map<String, List<HubConfig.TargetGroup>>> seen = new AtomicReference<>(Map.of());
        String head = "scrape_configs:\n  - job_name: k8s\n    kubernetes_sd_configs:\n      - api_server: http://127.0.0.1:"
                + api.port() + "\n        role: node\n        authorization:\n          credentials: ";
        try (DiscoveryManager discovery = new DiscoveryManager((c, g) -> seen.set(g), PLAIN, new Announcements(),
                new DnsSd("dns:"), new KubernetesEnvironment(Map.of(), dir))) {
            discovery.apply(ConfigLoader.parse("p.yml", head + "wrong\n"));
            await(() -> api.count(401), n -> n >= 1);
            assertEquals(List.of(), targets(seen));
            discovery.apply(ConfigLoader.parse("p.yml", head + "t0ken\n"));
            await(() -> targets(seen), t -> t.equals(List.of("10.0.0.1:10250")));
            long refused = api.count(401);
            Thread.sleep(1500);
            assertEquals(refused, api.count(401), "the watches with the old credentials stopped");
        }
    }

    @Test
    void inClusterConfigUsesTheServiceAccountAndOwnNamespace() throws Exception {
        TestCa ca = TestCa.create("cluster-ca");
        TestCa.Leaf leaf = ca.leaf("kubernetes").localhost().issue();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", leaf.key(), new char[0], new X509Certificate[] {leaf.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, new char[0]);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        try (FakeKubernetesApi cluster = new FakeKubernetesApi("sa-token", tls)) {
            Path sa = Files.createDirectories(dir.resolve("serviceaccount"));
            Files.writeString(sa.resolve("token"), "sa-token");
            Files.writeString(sa.resolve("ca.crt"), ca.pem());
            Files.writeString(sa.resolve("namespace"), "monitoring");
            cluster.list("/api/v1/namespaces/monitoring/services", "7", SVC_EXT.replace("\"default\"", "\"monitoring\""));
            KubernetesSdConfig config = config("      - role: service\n        namespaces:\n          own_namespace: true\n");
            Function<HubConfig.TlsConfig, HttpClient> clients = t -> {
                try {
                    return HttpClient.newBuilder().sslContext(ScrapeTls.context(t)).build();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            KubernetesSd sd = new KubernetesSd("k8s", config, clients, new KubernetesEnvironment(
                    Map.of("KUBERNETES_SERVICE_HOST", "127.0.0.1", "KUBERNETES_SERVICE_PORT",
                            Integer.toString(cluster.port())), sa));
            closing.add(sd);
            List<HubConfig.TargetGroup> groups = await(sd::groups, g -> !g.isEmpty());
            assertEquals(List.of("ext.monitoring.svc:5432"), groups.get(0).targets());
            assertEquals("monitoring", groups.get(0).labels().get(M + "namespace"));
            assertTrue(cluster.requests.get(0).startsWith("200 /api/v1/namespaces/monitoring/services?"),
                    cluster.requests.toString());

            KubernetesSd outside = sd(config);
            assertEquals(List.of(), outside.groups(), "no KUBERNETES_SERVICE_HOST: nothing, and no exception");
        }
    }

    private static List<String> targets(AtomicReference<Map<String, List<HubConfig.TargetGroup>>> seen) {
        return seen.get().getOrDefault("k8s", List.of()).stream().flatMap(g -> g.targets().stream()).toList();
    }

    // ---- config ----

    @Test
    void configKeysAreRead() throws Exception {
        KubernetesSdConfig c = config(server() + "        role: endpoints\n        namespaces:\n"
                + "          names: [a, b]\n        selectors:\n          - role: service\n            label: app=x\n"
                + "            field: metadata.name!=y\n          - role: endpoints\n            label: \"!canary\"\n");
        assertEquals(KubernetesSdConfig.Role.ENDPOINTS, c.role());
        assertEquals(URI.create("http://127.0.0.1:" + api.port()), c.apiServer());
        assertEquals(List.of("a", "b"), c.namespaces());
        assertEquals(new KubernetesSdConfig.Selector("service", "app=x", "metadata.name!=y"), c.selector("service"));
        assertEquals(new KubernetesSdConfig.Selector("pod", "", ""), c.selector("pod"));
        assertEquals(dir.resolve("token"), c.http().authorization().credentialsFile(), "relative to the config file");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "role missing | - api_server: http://k:6443 | 4 | role missing (one of: pod, service, endpoints, endpointslice, node, ingress)",
        "unknown role | - role: pods | 4 | unknown Kubernetes SD role \"pods\"",
        "endpointslice | - role: endpointslice | 4 | role \"endpointslice\" is not supported by this version of vigil-hub yet",
        "ingress | - role: ingress | 4 | role \"ingress\" is not supported by this version of vigil-hub yet",
        "unknown key | - role: pod\\n        bogus: 1 | 5 | unknown key \"bogus\"",
        "kubeconfig | - role: pod\\n        kubeconfig_file: k.yml | 5 | \"kubeconfig_file\" is not supported by this version of vigil-hub yet",
        "auth without server | - role: pod\\n        bearer_token: x | 5 | to use custom HTTP client configuration please provide the 'api_server' URL explicitly",
        "bad api_server | - role: pod\\n        api_server: k8s:6443 | 5 | api_server must be an http or https URL with a host",
        "selector not for role | - role: pod\\n        selectors:\\n          - role: node | 6 | pod role supports only pod selectors",
        "duplicated selector | - role: endpoints\\n        selectors:\\n          - role: pod\\n          - role: pod | 7 | duplicated selector role: pod",
        "unknown selector role | - role: endpoints\\n        selectors:\\n          - role: pods | 6 | unknown Kubernetes SD role \"pods\"",
        "bad label selector | - role: pod\\n        selectors:\\n          - role: pod\\n            label: \"app in (a\" | 7 | invalid label selector \"app in (a\"",
        "bad field selector | - role: pod\\n        selectors:\\n          - role: pod\\n            field: metadata.name | 7 | invalid field selector \"metadata.name\"",
        "bad attach_metadata | - role: pod\\n        attach_metadata:\\n          nodes: true | 6 | unknown key \"nodes\"",
    })
    void badConfigsAreRefusedWithLineAndReason(String name, String yaml, int line, String reason) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("prometheus.yml",
                "scrape_configs:\n  - job_name: k\n    kubernetes_sd_configs:\n      " + yaml.replace("\\n", "\n")));
        assertEquals("prometheus.yml", e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.reason().contains(reason), e.reason());
    }
}
