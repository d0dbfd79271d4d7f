package dev.vigil.container.runtime;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * containerd's running tasks, read from the v2 shim's bundle directories
 * {@code <rootfs>/run/containerd/io.containerd.runtime.v2.task/<namespace>/<id>/} (no gRPC): the OCI
 * {@code config.json} whose CRI annotations name the pod, and {@code init.pid}. A bundle exists while the
 * task does, so the directory list is the list of live containers.
 */
public final class ContainerdState implements RuntimeSource {
    static final String CONTAINER_TYPE = "io.kubernetes.cri.container-type";
    static final String CONTAINER_NAME = "io.kubernetes.cri.container-name";
    static final String SANDBOX_NAME = "io.kubernetes.cri.sandbox-name";
    static final String SANDBOX_NAMESPACE = "io.kubernetes.cri.sandbox-namespace";
    static final String SANDBOX_UID = "io.kubernetes.cri.sandbox-uid";
    static final String IMAGE_NAME = "io.kubernetes.cri.image-name";
    static final String TYPE_SANDBOX = "sandbox";
    /** containerd's CRI plugin labels a sandbox container so; cAdvisor tests it for network ownership. */
    static final String KIND_LABEL = "io.cri-containerd.kind";

    private final Path taskRoot;

    /** @param taskRoot {@code <rootfs>/run/containerd/io.containerd.runtime.v2.task} */
    public ContainerdState(Path taskRoot) {
        this.taskRoot = taskRoot;
    }

    public static ContainerdState under(Path rootfs) {
        return new ContainerdState(rootfs.resolve("run/containerd/io.containerd.runtime.v2.task"));
    }

    /** The ids of every task of every namespace; none when containerd's state is absent. */
    public Set<String> runningIds() throws RuntimeApiException {
        Set<String> ids = new LinkedHashSet<>();
        for (String namespace : StateFiles.subdirectories(taskRoot)) {
            ids.addAll(StateFiles.subdirectories(taskRoot.resolve(namespace)));
        }
        return ids;
    }

    /** The task {@code id} in whichever namespace holds it; empty when no bundle is there. */
    @Override
    public Optional<ContainerMetadata> lookup(String id) throws RuntimeApiException {
        if (id.contains("/") || id.startsWith(".")) {
            return Optional.empty();
        }
        for (String namespace : StateFiles.subdirectories(taskRoot)) {
            Path bundle = taskRoot.resolve(namespace).resolve(id);
            Optional<byte[]> config = StateFiles.read(bundle.resolve("config.json"));
            if (config.isPresent()) {
                Map<String, String> annotations = OciConfig.annotations(config.get());
                return Optional.of(metadata(id, annotations, StateFiles.pid(bundle.resolve("init.pid")),
                        StateFiles.mtime(bundle.resolve("config.json")), StateFiles.mtime(bundle.resolve("init.pid"))));
            }
        }
        return Optional.empty();
    }

    /**
     * The metadata of a task from its annotations (pure). cAdvisor names a containerd container by its id
     * (spec §2.1). The kubelet's labels live in containerd's database, not in the bundle, so the ones
     * the exporter needs are rebuilt from the CRI annotations. The creation time is the bundle's
     * config.json mtime; the start time init.pid's (written when the task starts).
     */
    static ContainerMetadata metadata(String id, Map<String, String> annotations, OptionalLong pid,
            Optional<Instant> created, Optional<Instant> started) {
        String type = annotations.getOrDefault(CONTAINER_TYPE, "");
        boolean sandbox = type.equals(TYPE_SANDBOX);
        Map<String, String> labels = new LinkedHashMap<>();
        putIfSet(labels, KubernetesLabels.POD_NAME, annotations.get(SANDBOX_NAME));
        putIfSet(labels, KubernetesLabels.POD_NAMESPACE, annotations.get(SANDBOX_NAMESPACE));
        putIfSet(labels, KubernetesLabels.POD_UID, annotations.get(SANDBOX_UID));
        if (!sandbox) {
            putIfSet(labels, KubernetesLabels.CONTAINER_NAME, annotations.get(CONTAINER_NAME));
        }
        putIfSet(labels, KIND_LABEL, type);
        return new ContainerMetadata(id, Runtime.CONTAINERD, id, annotations.getOrDefault(IMAGE_NAME, ""), labels,
                KubernetesLabels.fromLabels(labels), pid, created, started, sandbox, Optional.empty());
    }

    private static void putIfSet(Map<String, String> labels, String name, String value) {
        if (value != null && !value.isEmpty()) {
            labels.put(name, value);
        }
    }

    @Override
    public Runtime runtime() {
        return Runtime.CONTAINERD;
    }

    @Override
    public Set<String> liveIds() throws RuntimeApiException {
        return runningIds();
    }
}
