package dev.vigil.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The hub's StatefulSet, Service and RBAC: what kubernetes_sd and kube-rbac-proxy need from them. */
class HubManifestTest {
    @Test
    void statefulSetKeepsItsDataOnAClaimAndRunsAsNobody() {
        Map<String, Object> sts = Manifests.get("native", "StatefulSet", "vigil-hub").object();
        Map<String, Object> pod = Yaml.map(sts, "spec", "template", "spec");
        Map<String, Object> hub = Yaml.named(Yaml.list(pod, "containers"), "hub");
        assertEquals(1, Yaml.at(sts, "spec", "replicas"));
        Map<String, Object> claim = Yaml.map(Yaml.list(sts, "spec", "volumeClaimTemplates").get(0));
        assertEquals("data", Yaml.str(claim, "metadata", "name"));
        assertEquals(List.of("ReadWriteOnce"), Yaml.list(claim, "spec", "accessModes"));
        assertEquals("/var/lib/vigil/hub", Yaml.str(Yaml.named(Yaml.list(hub, "volumeMounts"), "data"), "mountPath"));
        assertTrue(Yaml.list(hub, "args").contains("--storage.tsdb.path=/var/lib/vigil/hub"));
        assertTrue(Yaml.list(hub, "args").contains("--config.file=/etc/vigil/hub.yml"));
        assertTrue(Yaml.list(hub, "args").contains("--alertmanager.config.file=/etc/vigil/alertmanager.yml"));
        assertEquals("vigil-hub-config", Yaml.str(Yaml.named(Yaml.list(pod, "volumes"), "config"), "configMap", "name"));
        assertEquals(true, Yaml.at(pod, "securityContext", "runAsNonRoot"));
        assertEquals(65534, Yaml.at(pod, "securityContext", "runAsUser"));
        assertEquals(65534, Yaml.at(pod, "securityContext", "fsGroup"), "the claim is writable by the hub");
        assertEquals("/-/ready", Yaml.str(hub, "readinessProbe", "httpGet", "path"));
        assertEquals("/-/healthy", Yaml.str(hub, "livenessProbe", "httpGet", "path"));
        assertEquals("vigil-hub", Yaml.str(pod, "serviceAccountName"));
        // The heap fits in the limit with room for metaspace, code and the WAL's mapped pages.
        String heap = Yaml.str(Yaml.named(Yaml.list(hub, "env"), "VIGIL_HEAP"), "value");
        int heapMib = Integer.parseInt(heap.replace("m", ""));
        int limitMib = DaemonSetConventionsTest.mebibytes(Yaml.str(hub, "resources", "limits", "memory"));
        assertTrue(limitMib >= heapMib + 384, heap + " heap in a " + limitMib + " Mi limit");
        String governing = Yaml.str(sts, "spec", "serviceName");
        Map<String, Object> headless = Manifests.get("native", "Service", governing).object();
        assertEquals("None", Yaml.str(headless, "spec", "clusterIP"));
        Map<String, Object> service = Manifests.get("native", "Service", "vigil-hub").object();
        assertEquals(Yaml.map(sts, "spec", "selector", "matchLabels"), Yaml.map(service, "spec", "selector"));
    }

    @Test
    void clusterRoleLetsKubernetesSdWatchAndTheHubPassKubeRbacProxy() {
        Map<String, Object> role = Manifests.get("native", "ClusterRole", "vigil-hub").object();
        Map<String, Set<String>> granted = new java.util.HashMap<>();
        boolean metrics = false;
        for (Object o : Yaml.list(role, "rules")) {
            Map<String, Object> rule = Yaml.map(o);
            if (rule.containsKey("nonResourceURLs")) {
                metrics |= Yaml.list(rule, "nonResourceURLs").contains("/metrics")
                        && Yaml.list(rule, "verbs").contains("get");
                continue;
            }
            for (Object group : Yaml.list(rule, "apiGroups")) {
                for (Object resource : Yaml.list(rule, "resources")) {
                    granted.put(group + "/" + resource, Yaml.list(rule, "verbs").stream().map(String::valueOf)
                            .collect(Collectors.toSet()));
                }
            }
        }
        for (String r : List.of("/nodes", "/pods", "/endpoints", "/services", "discovery.k8s.io/endpointslices")) {
            assertEquals(Set.of("get", "list", "watch"), granted.get(r), r);
        }
        assertTrue(metrics, "GET /metrics for kube-rbac-proxy's SubjectAccessReview");
        Map<String, Object> binding = Manifests.get("native", "ClusterRoleBinding", "vigil-hub").object();
        assertEquals("vigil-hub", Yaml.str(binding, "roleRef", "name"));
        assertEquals(Map.of("kind", "ServiceAccount", "name", "vigil-hub", "namespace", "vigil"),
                Yaml.list(binding, "subjects").get(0));

        Map<String, Object> proxyRole = Manifests.get("kube-rbac-proxy", "ClusterRole", "vigil-exporter-rbac-proxy").object();
        String rules = String.valueOf(Yaml.list(proxyRole, "rules"));
        assertTrue(rules.contains("tokenreviews") && rules.contains("subjectaccessreviews"), rules);
    }
}
