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
 * CRI-O's containers, read from containers/storage (no gRPC, no CRI-O info socket):
 * {@code <rootfs>/var/lib/containers/storage/overlay-containers/<id>/userdata/config.json} (the OCI spec
 * CRI-O wrote, annotated with the kubelet's labels and CRI-O's own {@code io.kubernetes.cri-o.*}) and
 * conmon's {@code pidfile} in the same {@code userdata} directory under the run root
 * ({@code <rootfs>/run/containers/storage/...}) or, failing that, the graph root.
 */
public final class CrioState implements RuntimeSource {
    static final String NAME = "io.kubernetes.cri-o.Name";
    /** Set on a sandbox's infra container ({@code k8s_POD_...}); there {@link #NAME} is the sandbox's name. */
    static final String CONTAINER_NAME = "io.kubernetes.cri-o.ContainerName";
    static final String IMAGE_NAME = "io.kubernetes.cri-o.ImageName";
    static final String IMAGE = "io.kubernetes.cri-o.Image";
    static final String LABELS = "io.kubernetes.cri-o.Labels";
    static final String CREATED = "io.kubernetes.cri-o.Created";
    static final String CONTAINER_TYPE = "io.kubernetes.cri-o.ContainerType";
    static final String TYPE_SANDBOX = "sandbox";
    static final String RESTART_COUNT = "io.kubernetes.container.restartCount";

    private final Path graphContainers;
    private final Path runContainers;

    /**
     * @param graphContainers {@code <rootfs>/var/lib/containers/storage/overlay-containers}
     * @param runContainers {@code <rootfs>/run/containers/storage/overlay-containers}
     */
    public CrioState(Path graphContainers, Path runContainers) {
        this.graphContainers = graphContainers;
        this.runContainers = runContainers;
    }

    public static CrioState under(Path rootfs) {
        return new CrioState(rootfs.resolve("var/lib/containers/storage/overlay-containers"),
                rootfs.resolve("run/containers/storage/overlay-containers"));
    }

    /**
     * The ids of the containers in storage (Podman's share the directory: that only widens the set of
     * ids kept in the cache). A container's directory goes when the container is removed.
     */
    public Set<String> containerIds() throws RuntimeApiException {
        return new LinkedHashSet<>(StateFiles.subdirectories(graphContainers));
    }

    @Override
    public Optional<ContainerMetadata> lookup(String id) throws RuntimeApiException {
        if (id.contains("/") || id.startsWith(".")) {
            return Optional.empty();
        }
        Path userdata = graphContainers.resolve(id).resolve("userdata");
        Path runUserdata = runContainers.resolve(id).resolve("userdata");
        Optional<byte[]> config = StateFiles.read(userdata.resolve("config.json"));
        if (config.isEmpty()) {
            config = StateFiles.read(runUserdata.resolve("config.json"));
        }
        if (config.isEmpty()) {
            return Optional.empty();
        }
        Path pidfile = runUserdata.resolve("pidfile");
        OptionalLong pid = StateFiles.pid(pidfile);
        if (pid.isEmpty()) {
            pidfile = userdata.resolve("pidfile");
            pid = StateFiles.pid(pidfile);
        }
        Optional<Instant> started = pid.isPresent() ? StateFiles.mtime(pidfile) : Optional.empty();
        return Optional.of(metadata(id, OciConfig.annotations(config.get()), pid, started));
    }

    /**
     * The metadata of a container from its annotations (pure). Like cAdvisor's CRI-O handler: name is
     * CRI-O's container name ({@code k8s_<container>_<pod>_...}), labels the kubelet's labels CRI-O keeps
     * in {@code io.kubernetes.cri-o.Labels} plus {@code restartcount} when &gt; 0, network only for the
     * sandbox. Start time: the pid file's mtime (conmon writes it when the container starts).
     */
    static ContainerMetadata metadata(String id, Map<String, String> annotations, OptionalLong pid,
            Optional<Instant> started) throws RuntimeApiException {
        Map<String, String> labels = new LinkedHashMap<>();
        String labelsJson = annotations.get(LABELS);
        if (labelsJson != null && !labelsJson.isEmpty()) {
            labels.putAll(Json.stringMap(Json.read(labelsJson.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        } else {
            // Older CRI-O: the kubelet's labels are plain annotations too.
            for (String key : new String[] {KubernetesLabels.POD_NAME, KubernetesLabels.POD_NAMESPACE,
                KubernetesLabels.POD_UID, KubernetesLabels.CONTAINER_NAME}) {
                if (annotations.containsKey(key)) {
                    labels.put(key, annotations.get(key));
                }
            }
        }
        long restarts = StateFiles.parsePositive(annotations.getOrDefault(RESTART_COUNT, "")).orElse(0);
        if (restarts > 0) {
            labels.put("restartcount", Long.toString(restarts));
        }
        boolean sandbox = TYPE_SANDBOX.equals(annotations.get(CONTAINER_TYPE))
                || KubernetesLabels.SANDBOX_CONTAINER_NAME.equals(labels.get(KubernetesLabels.CONTAINER_NAME));
        String image = annotations.getOrDefault(IMAGE_NAME, annotations.getOrDefault(IMAGE, ""));
        return new ContainerMetadata(id, Runtime.CRIO, annotations.getOrDefault(CONTAINER_NAME, annotations.getOrDefault(NAME, id)), image, labels,
                KubernetesLabels.fromLabels(labels), pid, DockerAnswers.time(Optional.ofNullable(annotations.get(CREATED))),
                started, sandbox, Optional.empty());
    }

    @Override
    public Runtime runtime() {
        return Runtime.CRIO;
    }

    @Override
    public Set<String> liveIds() throws RuntimeApiException {
        return containerIds();
    }
}
