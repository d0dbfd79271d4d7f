package dev.vigil.systemd;

import java.nio.file.Path;
import java.util.List;

/**
 * One of the four units, and what the tests need to know about its binary.
 *
 * @param name the unit's file name, e.g. {@code vigil-hub.service}
 * @param binary the command, e.g. {@code vigil-hub} (installed as {@code /usr/bin/vigil-hub})
 * @param mainClass the binary's main class, as its launcher in {@code bin/} names it
 * @param reloadsOnHup whether the binary re-reads its configuration on SIGHUP (only the hub)
 */
record Unit(String name, String binary, String mainClass, boolean reloadsOnHup) {
    static final List<Unit> ALL = List.of(
            new Unit("vigil-node-exporter.service", "vigil-node-exporter", "dev.vigil.node.NodeExporterMain", false),
            new Unit("vigil-container-exporter.service", "vigil-container-exporter",
                    "dev.vigil.container.ContainerExporterMain", false),
            new Unit("vigil-jvm-exporter.service", "vigil-jvm-exporter", "dev.vigil.jvm.JvmExporterMain", false),
            new Unit("vigil-hub.service", "vigil-hub", "dev.vigil.hub.HubMain", true));

    /** The module's directory, {@code systemd/}. */
    static Path moduleDir() {
        return Path.of(System.getProperty("vigil.systemd.dir", ".")).toAbsolutePath().normalize();
    }

    /** The repository's root. */
    static Path repoDir() {
        return moduleDir().getParent();
    }

    Path file() {
        return moduleDir().resolve("units").resolve(name);
    }

    /** The environment file installed as {@code /etc/default/<binary>} and {@code /etc/sysconfig/<binary>}. */
    Path envFile() {
        return moduleDir().resolve("env").resolve(binary);
    }

    UnitFile read() {
        return UnitFile.read(file());
    }

    @Override
    public String toString() {
        return name;
    }
}
