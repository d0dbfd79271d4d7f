package dev.vigil.node;

import dev.vigil.exporter.CollectorFactory;
import java.util.List;

/**
 * Every collector of the node exporter, one line each, in node_exporter's order, with its
 * default-enabled state (node_exporter's {@code registerCollector} calls, read top to bottom).
 */
public final class NodeCollectors {
    private NodeCollectors() {
    }

    /** The node exporter's collectors. The collectors arrive with the node-exporter issue. */
    public static List<CollectorFactory> all() {
        return List.of();
    }
}
