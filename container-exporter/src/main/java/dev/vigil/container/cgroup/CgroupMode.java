package dev.vigil.container.cgroup;

import dev.vigil.exporter.host.HostPaths;
import java.nio.file.Files;
import java.nio.file.Path;

/** How the host mounts cgroups, read from {@code <sysfs>/fs/cgroup}. */
public enum CgroupMode {
    /** Per-controller v1 hierarchies under a tmpfs at {@code /sys/fs/cgroup}. */
    V1,
    /** One cgroup2 tree at {@code /sys/fs/cgroup}. */
    V2,
    /**
     * v1 controller hierarchies plus a cgroup2 mount at {@code /sys/fs/cgroup/unified} that usually
     * holds no controllers (systemd tracks processes there). Stats come from v1, as in cAdvisor.
     */
    HYBRID;

    /**
     * A cgroup2 root has {@code cgroup.controllers}; a tmpfs of v1 mounts has not. (cAdvisor uses
     * statfs's magic number; the file test is equivalent and works on a fixture tree.) A host with
     * no cgroup filesystem at all reads as V1 with no hierarchies, so listing finds nothing.
     */
    public static CgroupMode detect(HostPaths paths) {
        Path root = root(paths);
        if (Files.exists(root.resolve("cgroup.controllers"))) {
            return V2;
        }
        if (Files.exists(root.resolve("unified").resolve("cgroup.controllers"))) {
            return HYBRID;
        }
        return V1;
    }

    /** {@code <sysfs>/fs/cgroup}. */
    static Path root(HostPaths paths) {
        return paths.sys("fs", "cgroup");
    }
}
