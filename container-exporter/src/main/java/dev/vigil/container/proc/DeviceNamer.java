package dev.vigil.container.proc;

import java.util.Map;

/**
 * The {@code device} label of the block I/O families: cAdvisor's raw-cgroup namer
 * ({@code container/raw/handler.go} {@code fsNamer}) looks a {@code major:minor} up first among
 * the mounted filesystems (name = mount source, e.g. {@code /dev/sda1},
 * {@code /dev/mapper/vg-root}), then in the disk map ({@link BlockDevices}, {@code /dev/sda});
 * an unknown device gets {@code ""} and its samples are still emitted.
 *
 * @param filesystems mount source by device number, from the host's mount table (the caller's)
 * @param disks {@link BlockDevices#disks()}
 */
public record DeviceNamer(Map<DeviceNumber, String> filesystems, Map<DeviceNumber, String> disks) {

    public DeviceNamer {
        filesystems = Map.copyOf(filesystems);
        disks = Map.copyOf(disks);
    }

    /** The label value for this device, {@code ""} when unknown. */
    public String name(long major, long minor) {
        DeviceNumber number = new DeviceNumber(major, minor);
        String name = filesystems.get(number);
        if (name == null) {
            name = disks.get(number);
        }
        return name == null ? "" : name;
    }
}
