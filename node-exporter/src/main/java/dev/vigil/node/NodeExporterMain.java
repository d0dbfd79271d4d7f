package dev.vigil.node;

import dev.vigil.container.ContainerCollectors;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.app.ExporterApp;
import dev.vigil.exporter.app.ExporterSpec;
import dev.vigil.jvm.JvmCollectors;
import java.util.ArrayList;
import java.util.List;

/** {@code vigil-node-exporter}: node_exporter-compatible host metrics, on :9100 by default. */
public final class NodeExporterMain {
    private NodeExporterMain() {
    }

    /**
     * The node exporter's identity and collectors: node_exporter's, then the container exporter's
     * {@code container} and {@code machine} and the JVM exporter's {@code jvm}, hosted off by default
     * so a node exporter without {@code --collector.container} or {@code --collector.jvm} serves what
     * node_exporter serves.
     */
    public static ExporterSpec spec() {
        List<CollectorFactory> collectors = new ArrayList<>(NodeCollectors.all());
        collectors.addAll(ContainerCollectors.hosted());
        collectors.addAll(JvmCollectors.hosted());
        return new ExporterSpec("vigil-node-exporter", "node_exporter", "node", "Node Exporter",
                "Vigil node exporter: node_exporter-compatible host metrics from /proc and /sys.",
                ":9100", collectors);
    }

    public static void main(String[] args) {
        System.exit(ExporterApp.main(spec(), args));
    }
}
