package dev.vigil.container.cgroup;

import dev.vigil.exporter.host.HostPaths;
import dev.vigil.exporter.log.Log;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where the cgroup hierarchies are, as paths under the {@link HostPaths} roots.
 *
 * @param mode the host's cgroup mode
 * @param v1 each v1 controller's hierarchy directory ({@code cpu}, {@code cpuacct}, {@code memory}, ...;
 *     named hierarchies as {@code name=systemd}); co-mounted controllers share one directory. Empty on V2.
 * @param unified the cgroup2 tree: {@code <sysfs>/fs/cgroup} on V2, the {@code unified} mount on HYBRID
 */
public record CgroupMounts(CgroupMode mode, Map<String, Path> v1, Optional<Path> unified) {
    private static final Log LOG = Log.get(CgroupMounts.class);

    /** v1 controllers a cgroup mount's super options can name; anything else there is a mount option. */
    static final Set<String> V1_CONTROLLERS = Set.of("cpu", "cpuacct", "cpuset", "memory", "blkio", "pids",
            "devices", "freezer", "net_cls", "net_prio", "perf_event", "hugetlb", "rdma", "misc", "debug");

    public CgroupMounts {
        v1 = Map.copyOf(new TreeMap<>(v1));
    }

    /** The directory of the v1 hierarchy holding {@code controller}. */
    public Optional<Path> controller(String controller) {
        return Optional.ofNullable(v1.get(controller));
    }

    /**
     * The distinct v1 controller hierarchies (named ones like {@code name=systemd} left out, as
     * cAdvisor only walks the hierarchies of controllers it reads).
     */
    public Set<Path> v1Hierarchies() {
        Set<Path> dirs = new LinkedHashSet<>();
        v1.forEach((name, dir) -> {
            if (!name.startsWith("name=")) {
                dirs.add(dir);
            }
        });
        return dirs;
    }

    /**
     * Detects the mode, then reads {@code <procfs>/self/mountinfo}; controllers it does not place (or
     * when it is unreadable) come from the conventional {@code <sysfs>/fs/cgroup/<controller>} dirs.
     */
    public static CgroupMounts discover(HostPaths paths) {
        CgroupMode mode = CgroupMode.detect(paths);
        Path root = CgroupMode.root(paths);
        if (mode == CgroupMode.V2) {
            return new CgroupMounts(mode, Map.of(), Optional.of(root));
        }
        String mountinfo = "";
        try {
            mountinfo = Files.readString(paths.proc("self", "mountinfo"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            LOG.debug("No mountinfo, using the conventional cgroup dirs", "err", e.getMessage());
        }
        Map<String, Path> controllers = fromMountInfo(MountInfo.parse(mountinfo), paths);
        conventionalDirs(root).forEach(controllers::putIfAbsent);
        Optional<Path> unified = mode == CgroupMode.HYBRID ? Optional.of(root.resolve("unified")) : Optional.empty();
        return new CgroupMounts(mode, controllers, unified);
    }

    /**
     * v1 controllers → directory, from parsed mountinfo. A hierarchy mounted twice (a bind mount, a
     * test's own mount) keeps the mount under {@code <sysfs>/fs/cgroup}, else the first listed.
     * Mount points that do not exist once rebased are dropped.
     */
    static Map<String, Path> fromMountInfo(List<MountInfo> mounts, HostPaths paths) {
        Path conventional = CgroupMode.root(paths);
        Map<String, Path> controllers = new LinkedHashMap<>();
        for (MountInfo mount : mounts) {
            if (!mount.fsType().equals("cgroup")) {
                continue;
            }
            Path dir = rebase(mount.mountPoint(), paths);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            for (String option : mount.superOptions().split(",")) {
                if (V1_CONTROLLERS.contains(option) || option.startsWith("name=")) {
                    Path existing = controllers.get(option);
                    if (existing == null || (!existing.startsWith(conventional) && dir.startsWith(conventional))) {
                        controllers.put(option, dir);
                    }
                }
            }
        }
        return controllers;
    }

    /**
     * A mount point from the mount table as a path under the roots. Read from inside a container the
     * table may already show the host's sysfs under its mount ({@code /host/sys/fs/cgroup/cpu}); read
     * against the host's table it shows {@code /sys/fs/cgroup/cpu}, which moves under {@code --path.sysfs};
     * anything else moves under {@code --path.rootfs}.
     */
    static Path rebase(String mountPoint, HostPaths paths) {
        Path point = Path.of(mountPoint);
        if (paths.sysfs().isAbsolute() && point.startsWith(paths.sysfs())) {
            return point;
        }
        Path sys = Path.of("/sys");
        if (point.startsWith(sys)) {
            return paths.sysfs().resolve(sys.relativize(point).toString());
        }
        return point.getNameCount() == 0 ? paths.rootfs() : paths.rootfs().resolve(point.getRoot().relativize(point).toString());
    }

    /** {@code cpu,cpuacct} → both controllers; {@code systemd} → {@code name=systemd}. */
    static Map<String, Path> conventionalDirs(Path root) {
        Map<String, Path> controllers = new LinkedHashMap<>();
        List<Path> sorted = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            entries.forEach(sorted::add);
        } catch (IOException e) {
            LOG.debug("No cgroup root", "path", root, "err", e.getMessage());
        }
        // Sorted so that the result does not depend on directory order.
        sorted.sort(null);
        for (Path entry : sorted) {
            String name = entry.getFileName().toString();
            if (!Files.isDirectory(entry) || name.equals("unified")) {
                continue;
            }
            if (name.equals("systemd")) {
                controllers.putIfAbsent("name=systemd", entry);
                continue;
            }
            for (String controller : name.split(",")) {
                if (V1_CONTROLLERS.contains(controller)) {
                    controllers.putIfAbsent(controller, entry);
                }
            }
        }
        return controllers;
    }
}
