package dev.vigil.container.runtime;

import java.util.Map;
import java.util.Optional;

/** The kubelet's labels on a container (set by every CRI runtime), read into a {@link KubernetesRef}. */
final class KubernetesLabels {
    static final String POD_NAME = "io.kubernetes.pod.name";
    static final String POD_NAMESPACE = "io.kubernetes.pod.namespace";
    static final String POD_UID = "io.kubernetes.pod.uid";
    static final String CONTAINER_NAME = "io.kubernetes.container.name";
    /** The container name the kubelet (and CRI-O) give a pod's sandbox; the kubelet's label is "" then. */
    static final String SANDBOX_CONTAINER_NAME = "POD";

    private KubernetesLabels() {
    }

    /** Present when the labels name a pod or a namespace (the kubelet's own test, spec §2.2). */
    static Optional<KubernetesRef> fromLabels(Map<String, String> labels) {
        String pod = labels.getOrDefault(POD_NAME, "");
        String namespace = labels.getOrDefault(POD_NAMESPACE, "");
        if (pod.isEmpty() && namespace.isEmpty()) {
            return Optional.empty();
        }
        String container = labels.getOrDefault(CONTAINER_NAME, "");
        if (container.equals(SANDBOX_CONTAINER_NAME)) {
            container = "";
        }
        return Optional.of(new KubernetesRef(pod, namespace, container, labels.getOrDefault(POD_UID, "")));
    }
}
