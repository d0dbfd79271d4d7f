package dev.vigil.exporter.app;

import dev.vigil.exporter.CollectorFactory;
import java.util.List;

/**
 * What makes one exporter binary.
 *
 * @param program the command name, e.g. {@code vigil-node-exporter}
 * @param exporterName the name node_exporter-style metrics use, e.g. {@code node_exporter}
 * @param namespace the collector metric prefix, e.g. {@code node}
 * @param title for the landing page, e.g. {@code Node Exporter}
 * @param description one sentence for {@code --help} and the landing page
 * @param defaultListenAddress e.g. {@code :9100}
 * @param collectors every collector the exporter has, in registration order
 */
public record ExporterSpec(
        String program,
        String exporterName,
        String namespace,
        String title,
        String description,
        String defaultListenAddress,
        List<CollectorFactory> collectors) {

    public ExporterSpec {
        collectors = List.copyOf(collectors);
    }
}
