package dev.vigil.container.runtime;

/**
 * The kubelet's names for a container (spec §2.2): {@code pod} and {@code namespace} from
 * {@code io.kubernetes.pod.name}/{@code .namespace}, {@code container} from
 * {@code io.kubernetes.container.name} ({@code ""} for a sandbox), and the pod UID ({@code ""} if unknown).
 */
public record KubernetesRef(String pod, String namespace, String container, String podUid) {

    public KubernetesRef {
        pod = pod == null ? "" : pod;
        namespace = namespace == null ? "" : namespace;
        container = container == null ? "" : container;
        podUid = podUid == null ? "" : podUid;
    }
}
