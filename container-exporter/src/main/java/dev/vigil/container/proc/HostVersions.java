package dev.vigil.container.proc;

import dev.vigil.exporter.host.HostPaths;
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

    /** {@code PRETTY_NAME} of an os-release file, unquoted; {@code "Linux"} when it has none (os-release(5)'s default). */
    public static String prettyName(String osRelease) {
        for (String line : osRelease.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("PRETTY_NAME=")) {
                String value = trimmed.substring("PRETTY_NAME=".length());
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                        || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.replace("\\\"", "\"").replace("\\\\", "\\");
            }
        }
        return "Linux";
    }
}
