package dev.vigil.exporter.host;

import java.nio.file.Path;

/**
 * The host's filesystem roots, as node_exporter's {@code --path.procfs}, {@code --path.sysfs},
 * {@code --path.rootfs} and {@code --path.udev.data} set them. In a DaemonSet they point under
 * {@code /host}; in tests, at a fixture tree.
 */
public record HostPaths(Path procfs, Path sysfs, Path rootfs, Path udevData) {

    /** The live host's roots. */
    public static HostPaths defaults() {
        return new HostPaths(Path.of("/proc"), Path.of("/sys"), Path.of("/"), Path.of("/run/udev/data"));
    }

    /** A file under procfs, e.g. {@code proc("loadavg")} or {@code proc("net", "dev")}. */
    public Path proc(String first, String... more) {
        return procfs.resolve(Path.of(first, more));
    }

    /** A file under sysfs, e.g. {@code sys("class", "net")}. */
    public Path sys(String first, String... more) {
        return sysfs.resolve(Path.of(first, more));
    }

    /** A file under the root filesystem, e.g. {@code root("etc", "os-release")}. */
    public Path root(String first, String... more) {
        return rootfs.resolve(Path.of(first, more));
    }

    /** A file in the udev database, e.g. {@code udev("b8:0")}. */
    public Path udev(String name) {
        return udevData.resolve(name);
    }

    /**
     * Strips the rootfs prefix from a mount point read from the host's mount table, so that a
     * container with {@code --path.rootfs=/host} reports {@code /home}, not {@code /host/home}
     * (node_exporter's {@code rootfsStripPrefix}).
     */
    public String stripRootfsPrefix(String mountPoint) {
        String root = rootfs.toString();
        if (root.equals("/")) {
            return mountPoint;
        }
        if (mountPoint.equals(root)) {
            return "/";
        }
        if (mountPoint.startsWith(root + "/")) {
            return mountPoint.substring(root.length());
        }
        return mountPoint;
    }
}
