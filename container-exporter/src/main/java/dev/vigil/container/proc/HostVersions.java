package dev.vigil.container.proc;

import dev.vigil.exporter.host.HostPaths;
import dev.vigil.exporter.host.OsRelease;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel's release and the OS's pretty name, for {@code cadvisor_version_info}: the kernel's
 * from {@code <procfs>/sys/kernel/osrelease}, the OS's {@code PRETTY_NAME} from {@code
 * <rootfs>/etc/os-release} (else {@code usr/lib/os-release}), as cAdvisor reads them. Unreadable
 * ones are {@code ""}.
 */
public final class HostVersions {
    private final HostPaths paths;

    public HostVersions(HostPaths paths) {
        this.paths = paths;
    }

    public String kernel() {
        try {
            return Files.readString(paths.proc("sys", "kernel", "osrelease"), StandardCharsets.ISO_8859_1).strip();
        } catch (IOException e) {
            return "";
        }
    }

    public String os() {
        for (Path file : List.of(paths.root("etc", "os-release"), paths.root("usr", "lib", "os-release"))) {
            try {
                return prettyName(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                // try the next one
            }
        }
        return "";
    }

    /**
     * {@code PRETTY_NAME} of an os-release file, parsed as node_exporter parses it ({@link OsRelease});
     * {@code "Linux"} when it sets none (os-release(5)'s default), {@code ""} when it does not parse.
     */
    public static String prettyName(String osRelease) {
        try {
            String name = OsRelease.parse(osRelease).get("PRETTY_NAME");
            return name.isEmpty() ? "Linux" : name;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
