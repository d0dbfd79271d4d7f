package dev.vigil.container;

import dev.vigil.exporter.app.ExporterApp;
import dev.vigil.exporter.app.ExporterSpec;

/** {@code vigil-container-exporter}: cAdvisor-compatible container metrics, on :9101 by default. */
public final class ContainerExporterMain {
    private ContainerExporterMain() {
    }

    /** The container exporter's identity and collectors. */
    public static ExporterSpec spec() {
        return new ExporterSpec("vigil-container-exporter", "container_exporter", "container", "Container Exporter",
                "Vigil container exporter: cAdvisor-compatible container and systemd-unit metrics from cgroups.",
                ":9101", ContainerCollectors.all());
    }

    public static void main(String[] args) {
        System.exit(ExporterApp.main(spec(), args));
    }
}
