package dev.vigil.hub.discovery;

import static dev.vigil.hub.discovery.KubernetesJson.get;
import static dev.vigil.hub.discovery.KubernetesJson.list;
import static dev.vigil.hub.discovery.KubernetesJson.str;
import static dev.vigil.hub.discovery.KubernetesTargets.META;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The endpoints role (Prometheus 2.42 endpoints.go): one target per address and port of an
 * Endpoints object, with the service's labels when the service is known, the pod's labels and
 * the matching container port's labels when the address is a known pod, and one more target per
 * container port of those pods that no endpoint port covers. Pure code over parsed objects.
 */
final class KubernetesEndpoints {
    private KubernetesEndpoints() {
    }

    /**
     * @param services known services by {@code namespace/name}
     * @param pods known pods by {@code namespace/name}
     * @param nodes known nodes by name, or null without {@code attach_metadata.node}
     */
    static KubernetesTargets.Group build(Object eps, Map<String, Object> services, Map<String, Object> pods,
            Map<String, Object> nodes) {
        String ns = str(eps, "metadata", "namespace");
        String name = str(eps, "metadata", "name");
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(KubernetesTargets.NAMESPACE, ns);
        labels.put(META + "endpoints_name", name);
        Object svc = services.get(ns + "/" + name);
        if (svc != null) {
            labels.putAll(KubernetesTargets.serviceLabels(svc));
        }
        KubernetesJson.map(eps, "metadata", "labels").forEach((k, v) -> {
            String ln = KubernetesTargets.sanitize(k);
            labels.put(META + "endpoints_label_" + ln, v == null ? "" : v.toString());
            labels.put(META + "endpoints_labelpresent_" + ln, "true");
        });

        List<Map<String, String>> targets = new ArrayList<>();
        Map<String, SeenPod> seenPods = new LinkedHashMap<>();
        for (Object subset : list(eps, "subsets")) {
            for (Object port : list(subset, "ports")) {
                for (Object addr : list(subset, "addresses")) {
                    targets.add(target(addr, port, "true", pods, nodes, seenPods));
                }
                for (Object addr : list(subset, "notReadyAddresses")) {
                    targets.add(target(addr, port, "false", pods, nodes, seenPods));
                }
            }
        }
        // Container ports of the pods seen above that no endpoint port covered get a target too.
        for (SeenPod seen : seenPods.values()) {
            String ip = str(seen.pod, "status", "podIP");
            for (Object c : list(seen.pod, "spec", "containers")) {
                for (Object cport : list(c, "ports")) {
                    String number = str(cport, "containerPort");
                    if (seen.ports.contains(number) || ip.isEmpty()) {
                        continue;
                    }
                    Map<String, String> t = new LinkedHashMap<>();
                    t.put("__address__", KubernetesTargets.joinHostPort(ip, number));
                    t.put(META + "pod_container_name", str(c, "name"));
                    t.put(META + "pod_container_image", str(c, "image"));
                    t.put(META + "pod_container_port_name", str(cport, "name"));
                    t.put(META + "pod_container_port_number", number);
                    t.put(META + "pod_container_port_protocol", str(cport, "protocol"));
                    t.putAll(KubernetesTargets.podLabels(seen.pod));
                    targets.add(t);
                }
            }
        }
        return new KubernetesTargets.Group("endpoints/" + ns + "/" + name, labels, targets);
    }

    private record SeenPod(Object pod, List<String> ports) {
    }

    private static Map<String, String> target(Object addr, Object port, String ready, Map<String, Object> pods,
            Map<String, Object> nodes, Map<String, SeenPod> seenPods) {
        String number = str(port, "port");
        Map<String, String> t = new LinkedHashMap<>();
        t.put("__address__", KubernetesTargets.joinHostPort(str(addr, "ip"), number));
        t.put(META + "endpoint_port_name", str(port, "name"));
        t.put(META + "endpoint_port_protocol", str(port, "protocol"));
        t.put(META + "endpoint_ready", ready);
        Object ref = get(addr, "targetRef");
        if (ref != null) {
            t.put(META + "endpoint_address_target_kind", str(ref, "kind"));
            t.put(META + "endpoint_address_target_name", str(ref, "name"));
        }
        Object nodeName = get(addr, "nodeName");
        if (nodeName != null) {
            t.put(META + "endpoint_node_name", nodeName.toString());
        }
        if (!str(addr, "hostname").isEmpty()) {
            t.put(META + "endpoint_hostname", str(addr, "hostname"));
        }
        if (nodes != null && nodeName != null) {
            KubernetesTargets.addNodeLabels(t, nodes, nodeName.toString());
        }
        Object pod = ref == null || !str(ref, "kind").equals("Pod") ? null
                : pods.get(str(ref, "namespace") + "/" + str(ref, "name"));
        if (pod == null) {
            return t;
        }
        SeenPod seen = seenPods.computeIfAbsent(KubernetesJson.key(pod), k -> new SeenPod(pod, new ArrayList<>()));
        t.putAll(KubernetesTargets.podLabels(pod));
        for (Object c : list(pod, "spec", "containers")) {
            for (Object cport : list(c, "ports")) {
                if (str(cport, "containerPort").equals(number)) {
                    t.put(META + "pod_container_name", str(c, "name"));
                    t.put(META + "pod_container_image", str(c, "image"));
                    t.put(META + "pod_container_port_name", str(cport, "name"));
                    t.put(META + "pod_container_port_number", number);
                    t.put(META + "pod_container_port_protocol", str(port, "protocol"));
                    break;
                }
            }
        }
        seen.ports.add(number);
        return t;
    }
}
