package dev.vigil.container.runtime;

import dev.vigil.exporter.host.HostPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How to reach the runtimes. A socket left empty means its default under the rootfs
 * ({@code <rootfs>/var/run/docker.sock}, {@code <rootfs>/run/podman/podman.sock}); {@code disabled}
 * names runtimes not to ask at all ({@code docker}, {@code podman}, {@code containerd}, {@code crio}).
 */
public record RuntimeOptions(Optional<Path> dockerSocket, Optional<Path> podmanSocket, Duration timeout,
        Duration refreshInterval, Set<Runtime> disabled, ContainerLabels.Policy labelPolicy) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(10);

    public RuntimeOptions {
        disabled = Set.copyOf(disabled);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the runtime timeout must be positive, not " + timeout);
        }
        if (refreshInterval.isNegative()) {
            throw new IllegalArgumentException("the refresh interval must not be negative, not " + refreshInterval);
        }
    }

    public static RuntimeOptions defaults() {
        return new RuntimeOptions(Optional.empty(), Optional.empty(), DEFAULT_TIMEOUT, DEFAULT_REFRESH, Set.of(),
                ContainerLabels.Policy.all());
    }

    public Path dockerSocket(HostPaths paths) {
        return dockerSocket.orElse(paths.root("var", "run", "docker.sock"));
    }

    public Path podmanSocket(HostPaths paths) {
        return podmanSocket.orElse(paths.root("run", "podman", "podman.sock"));
    }

    /** The sources not disabled, Docker first (the most common, and cri-dockerd's bare ids). */
    public List<RuntimeSource> sources(HostPaths paths) {
        List<RuntimeSource> out = new ArrayList<>();
        if (!disabled.contains(Runtime.DOCKER)) {
            out.add(DockerClient.docker(dockerSocket(paths), timeout));
        }
        if (!disabled.contains(Runtime.CONTAINERD)) {
            out.add(ContainerdState.under(paths.rootfs()));
        }
        if (!disabled.contains(Runtime.CRIO)) {
            out.add(CrioState.under(paths.rootfs()));
        }
        if (!disabled.contains(Runtime.PODMAN)) {
            out.add(DockerClient.podman(podmanSocket(paths), timeout));
        }
        return out;
    }

    /** A resolver over {@link #sources}; a pid counts as alive while {@code <procfs>/<pid>} exists. */
    public MetadataResolver resolver(HostPaths paths) {
        return new MetadataResolver(sources(paths), refreshInterval, System::nanoTime,
                pid -> Files.exists(paths.proc(Long.toString(pid))));
    }
}
