package dev.vigil.container;

import dev.vigil.exporter.CollectorFactory;
import java.util.List;

/** Every collector of the container exporter, in registration order (the node exporter hosts the same). */
public final class ContainerCollectors {
    private ContainerCollectors() {
    }

    /** The collectors; the cgroup-based container collector joins as it is written (container-exporter issue). */
    public static List<CollectorFactory> all() {
        return List.of();
    }
}
