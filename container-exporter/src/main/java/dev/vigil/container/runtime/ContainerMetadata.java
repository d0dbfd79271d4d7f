package dev.vigil.container.runtime;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What a runtime knows about one container (or what a systemd unit's cgroup says about it).
 *
 * @param id the runtime's 64-hex id; for a systemd unit the unit name
 * @param name cAdvisor's {@code name} label (first alias): Docker/Podman name without the leading '/',
 *     containerd the id itself, CRI-O its {@code k8s_...} container name; {@code ""} for units
 * @param image the image reference as the user gave it ({@code ""} if none)
 * @param labels the runtime's labels, raw names (sanitize with {@link ContainerLabels})
 * @param kubernetes pod, namespace, container when the runtime's labels/annotations name them
 * @param pid the container's main process on the host, for its network namespace and ulimits
 * @param created when the container was created; {@code started} when its process started
 * @param ownsNetwork whether network families belong to this container (spec §2.3): not for Docker
 *     {@code container:<x>} mode nor for a non-sandbox Kubernetes container
 * @param health Docker/Podman health status ({@code healthy}, {@code unhealthy}, {@code starting}), empty
 *     when no health check is defined
 */
public record ContainerMetadata(
        String id,
        Runtime runtime,
        String name,
        String image,
        Map<String, String> labels,
        Optional<KubernetesRef> kubernetes,
        OptionalLong pid,
        Optional<Instant> created,
        Optional<Instant> started,
        boolean ownsNetwork,
        Optional<String> health) {

    public ContainerMetadata {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(runtime, "runtime");
        name = name == null ? "" : name;
        image = image == null ? "" : image;
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        kubernetes = kubernetes == null ? Optional.empty() : kubernetes;
        pid = pid == null ? OptionalLong.empty() : pid;
        created = created == null ? Optional.empty() : created;
        started = started == null ? Optional.empty() : started;
        health = health == null ? Optional.empty() : health;
    }

    /** A systemd unit: its name is the id, nothing else is known. */
    public static ContainerMetadata systemdUnit(String unit) {
        return new ContainerMetadata(unit, Runtime.SYSTEMD, "", "", Map.of(), Optional.empty(), OptionalLong.empty(),
                Optional.empty(), Optional.empty(), false, Optional.empty());
    }

    /** When the container started if known, else when it was created (what cAdvisor reports as start time). */
    public Optional<Instant> startTime() {
        return started.isPresent() ? started : created;
    }
}
