package dev.vigil.node;

import dev.vigil.exporter.app.ExporterApp;
import dev.vigil.exporter.app.ExporterSpec;

/** {@code vigil-node-exporter}: node_exporter-compatible host metrics, on :9100 by default. */
public final class NodeExporterMain {
    private NodeExporterMain() {
    }

    /** The node exporter's identity and collectors. */
    public static ExporterSpec spec() {
        return new ExporterSpec("vigil-node-exporter", "node_exporter", "node", "Node Exporter",
                "Vigil node exporter: node_exporter-compatible host metrics from /proc and /sys.",
                ":9100", NodeCollectors.all());
    }

    public static void main(String[] args) {
        System.exit(ExporterApp.main(spec(), args));
    }
}
