package dev.vigil.hub.discovery;

import static dev.vigil.hub.discovery.KubernetesJson.list;
import static dev.vigil.hub.discovery.KubernetesJson.map;
import static dev.vigil.hub.discovery.KubernetesJson.str;

import dev.vigil.hub.config.HubConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns Kubernetes objects into target groups with the {@code __meta_kubernetes_*} labels
 * Prometheus 2.42 gives each role (discovery/kubernetes node.go, pod.go, service.go,
 * endpoints.go). Pure code over parsed objects: the watches hand in what they hold.
 */
final class KubernetesTargets {
    static final String META = "__meta_kubernetes_";
    static final String NAMESPACE = META + "namespace";

    /** A Prometheus target group: its source, group labels and per-target labels. */
    record Group(String source, Map<String, String> labels, List<Map<String, String>> targets) {
        /** One hub group per target: group labels overridden by the target's, the address as the target. */
        List<HubConfig.TargetGroup> flatten() {
            List<HubConfig.TargetGroup> out = new ArrayList<>(targets.size());
            for (Map<String, String> t : targets) {
                Map<String, String> merged = new TreeMap<>(labels);
                merged.putAll(t);
                String address = merged.remove("__address__");
                out.add(new HubConfig.TargetGroup(List.of(address), Map.copyOf(merged)));
            }
            return out;
        }
    }

    private KubernetesTargets() {
    }

    // ---- node ----

    /** Address priority, as Prometheus' nodeAddress (from k8s.io/kubernetes/pkg/util/node). */
    private static final List<String> ADDRESS_PRIORITY = List.of("InternalIP", "InternalDNS", "ExternalIP",
            "ExternalDNS", "LegacyHostIP", "Hostname");

    static Group node(Object node) {
        String name = str(node, "metadata", "name");
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(META + "node_name", name);
        labels.put(META + "node_provider_id", str(node, "spec", "providerID"));
        objectMeta(labels, node, "node");
        Map<String, String> first = new LinkedHashMap<>();
        for (Object a : list(node, "status", "addresses")) {
            first.putIfAbsent(str(a, "type"), str(a, "address"));
        }
        String address = null;
        for (String type : ADDRESS_PRIORITY) {
            if (first.containsKey(type)) {
                address = first.get(type);
                break;
            }
        }
        List<Map<String, String>> targets = new ArrayList<>();
        if (address != null) {
            Map<String, String> t = new LinkedHashMap<>();
            String port = str(node, "status", "daemonEndpoints", "kubeletEndpoint", "Port");
            t.put("__address__", joinHostPort(address, port.isEmpty() ? "0" : port));
            t.put("instance", name);
            first.forEach((type, a) -> t.put(sanitize(META + "node_address_" + type), a));
            targets.add(t);
        }
        return new Group("node/" + name, labels, targets);
    }

    // ---- pod ----

    static Group pod(Object pod, Map<String, Object> nodes) {
        String source = "pod/" + str(pod, "metadata", "namespace") + "/" + str(pod, "metadata", "name");
        String ip = str(pod, "status", "podIP");
        if (ip.isEmpty()) { // starting or evicted
            return new Group(source, Map.of(), List.of());
        }
        Map<String, String> labels = podLabels(pod);
        labels.put(NAMESPACE, str(pod, "metadata", "namespace"));
        if (nodes != null) {
            addNodeLabels(labels, nodes, str(pod, "spec", "nodeName"));
        }
        List<Map<String, String>> targets = new ArrayList<>();
        List<Object> containers = list(pod, "spec", "containers");
        List<Object> all = new ArrayList<>(containers);
        all.addAll(list(pod, "spec", "initContainers"));
        for (int i = 0; i < all.size(); i++) {
            Object c = all.get(i);
            boolean init = i >= containers.size();
            String cName = str(c, "name");
            String id = "";
            for (Object s : list(pod, "status", init ? "initContainerStatuses" : "containerStatuses")) {
                if (str(s, "name").equals(cName)) {
                    id = str(s, "containerID");
                    break;
                }
            }
            List<Object> ports = list(c, "ports");
            if (ports.isEmpty()) {
                Map<String, String> t = new LinkedHashMap<>();
                t.put("__address__", ip);
                t.put(META + "pod_container_name", cName);
                t.put(META + "pod_container_id", id);
                t.put(META + "pod_container_image", str(c, "image"));
                t.put(META + "pod_container_init", Boolean.toString(init));
                targets.add(t);
                continue;
            }
            for (Object port : ports) {
                String number = str(port, "containerPort");
                Map<String, String> t = new LinkedHashMap<>();
                t.put("__address__", joinHostPort(ip, number));
                t.put(META + "pod_container_name", cName);
                t.put(META + "pod_container_id", id);
                t.put(META + "pod_container_image", str(c, "image"));
                t.put(META + "pod_container_port_number", number);
                t.put(META + "pod_container_port_name", str(port, "name"));
                t.put(META + "pod_container_port_protocol", str(port, "protocol"));
                t.put(META + "pod_container_init", Boolean.toString(init));
                targets.add(t);
            }
        }
        return new Group(source, labels, targets);
    }

    /** The labels every target of a pod gets, in the pod role and for endpoints backed by the pod. */
    static Map<String, String> podLabels(Object pod) {
        Map<String, String> ls = new LinkedHashMap<>();
        ls.put(META + "pod_name", str(pod, "metadata", "name"));
        ls.put(META + "pod_ip", str(pod, "status", "podIP"));
        ls.put(META + "pod_ready", podReady(pod));
        ls.put(META + "pod_phase", str(pod, "status", "phase"));
        ls.put(META + "pod_node_name", str(pod, "spec", "nodeName"));
        ls.put(META + "pod_host_ip", str(pod, "status", "hostIP"));
        ls.put(META + "pod_uid", str(pod, "metadata", "uid"));
        for (Object ref : list(pod, "metadata", "ownerReferences")) {
            if (KubernetesJson.bool(ref, "controller")) {
                if (!str(ref, "kind").isEmpty()) {
                    ls.put(META + "pod_controller_kind", str(ref, "kind"));
                }
                if (!str(ref, "name").isEmpty()) {
                    ls.put(META + "pod_controller_name", str(ref, "name"));
                }
                break;
            }
        }
        objectMeta(ls, pod, "pod");
        return ls;
    }

    private static String podReady(Object pod) {
        for (Object c : list(pod, "status", "conditions")) {
            if (str(c, "type").equals("Ready")) {
                return str(c, "status").toLowerCase(Locale.ROOT);
            }
        }
        return "unknown";
    }

    // ---- service ----

    static Group service(Object svc) {
        String name = str(svc, "metadata", "name");
        String ns = str(svc, "metadata", "namespace");
        Map<String, String> labels = serviceLabels(svc);
        String type = str(svc, "spec", "type");
        List<Map<String, String>> targets = new ArrayList<>();
        for (Object port : list(svc, "spec", "ports")) {
            String number = str(port, "port");
            Map<String, String> t = new LinkedHashMap<>();
            t.put("__address__", joinHostPort(name + "." + ns + ".svc", number));
            t.put(META + "service_port_name", str(port, "name"));
            t.put(META + "service_port_number", number);
            t.put(META + "service_port_protocol", str(port, "protocol"));
            t.put(META + "service_type", type);
            if (type.equals("ExternalName")) {
                t.put(META + "service_external_name", str(svc, "spec", "externalName"));
            } else {
                t.put(META + "service_cluster_ip", str(svc, "spec", "clusterIP"));
            }
            targets.add(t);
        }
        return new Group("svc/" + ns + "/" + name, labels, targets);
    }

    static Map<String, String> serviceLabels(Object svc) {
        Map<String, String> ls = new LinkedHashMap<>();
        ls.put(META + "service_name", str(svc, "metadata", "name"));
        ls.put(NAMESPACE, str(svc, "metadata", "namespace"));
        objectMeta(ls, svc, "service");
        return ls;
    }

    // ---- helpers ----

    /** {@code <role>_label_<name>}, {@code <role>_labelpresent_<name>} and the same for annotations. */
    static void objectMeta(Map<String, String> ls, Object object, String role) {
        map(object, "metadata", "labels").forEach((k, v) -> {
            String ln = sanitize(k);
            ls.put(META + role + "_label_" + ln, v == null ? "" : v.toString());
            ls.put(META + role + "_labelpresent_" + ln, "true");
        });
        map(object, "metadata", "annotations").forEach((k, v) -> {
            String ln = sanitize(k);
            ls.put(META + role + "_annotation_" + ln, v == null ? "" : v.toString());
            ls.put(META + role + "_annotationpresent_" + ln, "true");
        });
    }

    /** attach_metadata: the node's name and labels (not its annotations), when the node is known. */
    static void addNodeLabels(Map<String, String> ls, Map<String, Object> nodes, String nodeName) {
        Object node = nodeName == null ? null : nodes.get(nodeName);
        if (node == null) {
            return;
        }
        ls.put(META + "node_name", nodeName);
        map(node, "metadata", "labels").forEach((k, v) -> {
            String ln = sanitize(k);
            ls.put(META + "node_label_" + ln, v == null ? "" : v.toString());
            ls.put(META + "node_labelpresent_" + ln, "true");
        });
    }

    /** Prometheus' strutil.SanitizeLabelName: every character outside [a-zA-Z0-9_] becomes '_'. */
    static String sanitize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> out.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_')
                ? (char) c : '_'));
        return out.toString();
    }

    /** Go's net.JoinHostPort: IPv6 addresses in brackets. */
    static String joinHostPort(String host, String port) {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
