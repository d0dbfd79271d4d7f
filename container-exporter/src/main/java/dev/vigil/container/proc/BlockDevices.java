package dev.vigil.container.proc;

import dev.vigil.exporter.host.HostPaths;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * cAdvisor's disk map ({@code utils/sysinfo} {@code GetBlockDeviceInfo}): every entry of
 * {@code <sysfs>/block} except names starting with {@code loop}, {@code ram} or {@code sr} and
 * "hidden" devices (NVMe multipath paths, {@code hidden} = 1), keyed by the {@code major:minor} in
 * its {@code dev} file and named {@code /dev/<name>}. {@code /sys/block} holds whole disks only,
 * so a partition is named only through a mounted filesystem ({@link DeviceNamer}).
 */
public final class BlockDevices {
    private final HostPaths paths;

    public BlockDevices(HostPaths paths) {
        this.paths = paths;
    }

    /** Whether cAdvisor leaves this {@code /sys/block} name out of its disk map. */
    public static boolean ignoredByCadvisor(String name) {
        return name.startsWith("loop") || name.startsWith("ram") || name.startsWith("sr");
    }

    /**
     * The disk map, sorted by device number; empty when {@code <sysfs>/block} is missing. A device
     * whose {@code dev} file vanished meanwhile (hot-unplug) is left out.
     *
     * @throws IOException when the directory cannot be listed or a {@code dev} file is malformed
     */
    public Map<DeviceNumber, String> disks() throws IOException {
        Map<DeviceNumber, String> disks = new TreeMap<>(
                (a, b) -> a.major() != b.major() ? Long.compare(a.major(), b.major()) : Long.compare(a.minor(), b.minor()));
        Path root = paths.sys("block");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (ignoredByCadvisor(name) || isHidden(entry)) {
                    continue;
                }
                Path devFile = entry.resolve("dev");
                String dev;
                try {
                    dev = Files.readString(devFile);
                } catch (NoSuchFileException e) {
                    continue;
                }
                try {
                    disks.put(DeviceNumber.parse(dev), "/dev/" + name);
                } catch (IllegalArgumentException e) {
                    throw new IOException("malformed " + devFile + ": " + e.getMessage(), e);
                }
            }
        } catch (NoSuchFileException e) {
            return Map.of();
        }
        return disks;
    }

    private static boolean isHidden(Path device) {
        try {
            return Files.readString(device.resolve("hidden")).strip().equals("1");
        } catch (IOException e) {
            return false;
        }
    }
}
