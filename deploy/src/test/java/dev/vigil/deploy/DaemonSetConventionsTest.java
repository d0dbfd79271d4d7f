package dev.vigil.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conventions the exporter DaemonSets promise (kube-prometheus' node-exporter DaemonSet):
 * host network and PID namespace, the host's /proc, /sys and / read-only under /host with
 * HostToContainer propagation and the --path.* flags pointing there, probes, requests and limits,
 * the security context each exporter can afford, and each mode's listener.
 */
class DaemonSetConventionsTest {
    /** hostPath -> mount path every exporter has. */
    static final Map<String, String> HOST_MOUNTS = Map.of("/proc", "/host/proc", "/sys", "/host/sys", "/", "/host/root");
    static final Map<String, Integer> PORTS = Map.of("node-exporter", 9100, "container-exporter", 9101,
            "jvm-exporter", 9102);
    /** BENCHMARKS.md: RSS after scrapes (node 79.3, container 74.6 with 50 containers, JVM 64.6 with 20 JVMs). */
    static final Map<String, Integer> MEASURED_RSS_MIB = Map.of("node-exporter", 80, "container-exporter", 75,
            "jvm-exporter", 65);

    static List<Manifests.Doc> daemonSets() {
        return Manifests.daemonSets();
    }

    static String exporter(Manifests.Doc ds) {
        return ds.name().substring("vigil-".length());
    }

    static Map<String, Object> podSpec(Manifests.Doc ds) {
        return Yaml.map(ds.object(), "spec", "template", "spec");
    }

    static Map<String, Object> exporterContainer(Manifests.Doc ds) {
        return Yaml.named(Yaml.list(podSpec(ds), "containers"), exporter(ds));
    }

    static List<String> args(Map<String, Object> container) {
        return Yaml.list(container, "args").stream().map(String::valueOf).toList();
    }

    @ParameterizedTest
    @MethodSource("daemonSets")
    void runsInTheHostsNetworkAndPidNamespacesOnEveryNode(Manifests.Doc ds) {
        Map<String, Object> pod = podSpec(ds);
        assertEquals(true, pod.get("hostNetwork"), ds + " hostNetwork");
        assertEquals(true, pod.get("hostPID"), ds + " hostPID");
        assertEquals("ClusterFirstWithHostNet", pod.get("dnsPolicy"));
        assertEquals("system-node-critical", pod.get("priorityClassName"));
        assertTrue(Yaml.list(pod, "tolerations").contains(Map.of("operator", "Exists")), ds + " tolerates every taint");
        assertEquals("linux", Yaml.str(pod, "nodeSelector", "kubernetes.io/os"));
        // The pod template carries the selector's labels, which the hub's relabeling keeps.
        Map<String, Object> selector = Yaml.map(ds.object(), "spec", "selector", "matchLabels");
        assertEquals(Map.of("app.kubernetes.io/name", ds.name()), selector);
        assertEquals(ds.name(), Yaml.str(ds.object(), "spec", "template", "metadata", "labels", "app.kubernetes.io/name"));
    }

    @ParameterizedTest
    @MethodSource("daemonSets")
    void mountsTheHostReadOnlyUnderHostWithHostToContainerAndPointsThePathFlagsThere(Manifests.Doc ds) {
        Map<String, Object> pod = podSpec(ds);
        Map<String, Object> container = exporterContainer(ds);
        for (Map.Entry<String, String> e : HOST_MOUNTS.entrySet()) {
            String volume = Yaml.list(pod, "volumes").stream().map(Yaml::map)
                    .filter(v -> e.getKey().equals(Yaml.str(v, "hostPath", "path")))
                    .map(v -> (String) v.get("name")).findFirst()
                    .orElseThrow(() -> new AssertionError(ds + ": no hostPath volume for " + e.getKey()));
            Map<String, Object> mount = Yaml.list(container, "volumeMounts").stream().map(Yaml::map)
                    .filter(m -> volume.equals(m.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(ds + ": volume " + volume + " not mounted"));
            assertEquals(e.getValue(), mount.get("mountPath"), ds + " " + e.getKey());
            assertEquals(true, mount.get("readOnly"), ds + " " + e.getKey() + " read-only");
            assertEquals("HostToContainer", mount.get("mountPropagation"), ds + " " + e.getKey());
        }
        // Every hostPath is mounted read-only: an exporter never writes to the host.
        Set<String> hostPathVolumes = Yaml.list(pod, "volumes").stream().map(Yaml::map)
                .filter(v -> v.containsKey("hostPath")).map(v -> (String) v.get("name")).collect(Collectors.toSet());
        for (Object o : Yaml.list(container, "volumeMounts")) {
            Map<String, Object> m = Yaml.map(o);
            if (hostPathVolumes.contains(m.get("name"))) {
                assertEquals(true, m.get("readOnly"), ds + " " + m);
                assertTrue(((String) m.get("mountPath")).startsWith("/host/"), ds + " " + m);
            }
        }
        List<String> args = args(container);
        assertTrue(args.contains("--path.procfs=/host/proc"), ds + " " + args);
        assertTrue(args.contains("--path.sysfs=/host/sys"), ds + " " + args);
        assertTrue(args.contains("--path.rootfs=/host/root"), ds + " " + args);
    }

    @ParameterizedTest
    @MethodSource("daemonSets")
    void everyContainerHasProbesRequestsAndLimitsAndALockedDownRoot(Manifests.Doc ds) {
        for (Object o : Yaml.list(podSpec(ds), "containers")) {
            Map<String, Object> c = Yaml.map(o);
            String what = ds + " container " + c.get("name");
            assertTrue(c.containsKey("livenessProbe"), what + " livenessProbe");
            assertTrue(c.containsKey("readinessProbe"), what + " readinessProbe");
            for (String kind : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    assertNotNull(Yaml.str(c, "resources", kind, resource), what + " " + kind + "." + resource);
                }
            }
            assertEquals(false, Yaml.at(c, "securityContext", "allowPrivilegeEscalation"), what);
            assertEquals(true, Yaml.at(c, "securityContext", "readOnlyRootFilesystem"), what);
            assertEquals(List.of("ALL"), Yaml.list(c, "securityContext", "capabilities", "drop"), what);
        }
        Map<String, Object> c = exporterContainer(ds);
        int requested = mebibytes(Yaml.str(c, "resources", "requests", "memory"));
        int limit = mebibytes(Yaml.str(c, "resources", "limits", "memory"));
        int rss = MEASURED_RSS_MIB.get(exporter(ds));
        assertTrue(requested >= rss, ds + ": request " + requested + " Mi below the measured " + rss + " MiB");
        assertTrue(limit >= 2 * rss, ds + ": limit " + limit + " Mi leaves no headroom over " + rss + " MiB");
    }

    @ParameterizedTest
    @MethodSource("daemonSets")
    void runsAsNonRootWherePromisedAndRootOnlyWithTheDocumentedReason(Manifests.Doc ds) {
        Map<String, Object> pod = podSpec(ds);
        Map<String, Object> c = exporterContainer(ds);
        Object nonRoot = Yaml.opt(c, "securityContext", "runAsNonRoot").orElse(Yaml.at(pod, "securityContext", "runAsNonRoot"));
        Object user = Yaml.opt(c, "securityContext", "runAsUser").orElse(Yaml.at(pod, "securityContext", "runAsUser"));
        List<Object> added = Yaml.list(c, "securityContext", "capabilities", "add");
        switch (exporter(ds)) {
            case "node-exporter" -> {
                assertEquals(true, nonRoot, ds.toString());
                assertEquals(65534, user, ds.toString());
                assertEquals(List.of(), added);
            }
            case "container-exporter" -> {
                // the runtime sockets and containerd's state are root's
                assertEquals(0, user, ds.toString());
                assertEquals(List.of(), added, ds + ": uid 0 reads root's files as their owner, no capability");
            }
            case "jvm-exporter" -> {
                // other JVMs' 0600 hsperfdata files and /proc/<pid>/root
                assertEquals(0, user, ds.toString());
                assertEquals(List.of("SYS_PTRACE", "DAC_READ_SEARCH"), added);
            }
            default -> throw new AssertionError(ds.toString());
        }
        assertEquals("RuntimeDefault", Yaml.str(pod, "securityContext", "seccompProfile", "type"));
    }

    @ParameterizedTest
    @MethodSource("daemonSets")
    void listensAsItsModeSays(Manifests.Doc ds) {
        Map<String, Object> c = exporterContainer(ds);
        int port = PORTS.get(exporter(ds));
        List<String> args = args(c);
        List<Object> containers = Yaml.list(podSpec(ds), "containers");
        if (ds.mode().equals("native")) {
            assertTrue(args.contains("--web.listen-address=:" + port), ds + " " + args);
            assertTrue(args.contains("--web.config.file=/etc/vigil/web/web-config.yml"), ds + " " + args);
            Map<String, Object> mount = Yaml.named(Yaml.list(c, "volumeMounts"), "web-config");
            assertEquals("/etc/vigil/web", mount.get("mountPath"));
            assertEquals("vigil-exporter-web", Yaml.str(Yaml.named(Yaml.list(podSpec(ds), "volumes"), "web-config"),
                    "secret", "secretName"));
            assertEquals(Map.of("name", "https", "containerPort", port, "hostPort", port, "protocol", "TCP"),
                    Yaml.list(c, "ports").get(0));
            assertEquals("HTTPS", Yaml.str(c, "livenessProbe", "httpGet", "scheme"));
            assertEquals(1, containers.size());
            assertEquals(false, podSpec(ds).get("automountServiceAccountToken"), "no API access in native mode");
        } else {
            assertEquals("kube-rbac-proxy", ds.mode());
            assertTrue(args.contains("--web.listen-address=127.0.0.1:" + port), ds + " " + args);
            assertFalse(args.stream().anyMatch(a -> a.startsWith("--web.config.file")), ds + " " + args);
            assertEquals(List.of(), Yaml.list(c, "ports"), ds + ": only the proxy's port is discovered");
            assertEquals("127.0.0.1", Yaml.str(c, "livenessProbe", "httpGet", "host"));
            Map<String, Object> proxy = Yaml.named(containers, "kube-rbac-proxy");
            List<String> proxyArgs = args(proxy);
            assertTrue(proxyArgs.contains("--secure-listen-address=[$(IP)]:" + port), proxyArgs.toString());
            assertTrue(proxyArgs.contains("--upstream=http://127.0.0.1:" + port + "/"), proxyArgs.toString());
            assertEquals("status.podIP", Yaml.str(Yaml.named(Yaml.list(proxy, "env"), "IP"), "valueFrom", "fieldRef",
                    "fieldPath"));
            assertEquals(Map.of("name", "https", "containerPort", port, "hostPort", port, "protocol", "TCP"),
                    Yaml.list(proxy, "ports").get(0));
            assertEquals(true, Yaml.at(proxy, "securityContext", "runAsNonRoot"));
            assertEquals(true, podSpec(ds).get("automountServiceAccountToken"), "the proxy calls the API server");
        }
    }

    static int mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Integer.parseInt(quantity.substring(0, quantity.length() - 2)) * 1024;
        }
        if (quantity.endsWith("Mi")) {
            return Integer.parseInt(quantity.substring(0, quantity.length() - 2));
        }
        throw new AssertionError("memory quantities here are in Mi or Gi: " + quantity);
    }
}
