package dev.vigil.container.proc;

import dev.vigil.container.cgroup.MountInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The host's disk filesystems, the ones cAdvisor reports for the root container (spec 3.7,
 * {@code fs/fs.go}): {@code ext*}, {@code xfs}, {@code btrfs} and {@code zfs} mounts of a block
 * device, one per device (the first mount; bind mounts and later mounts of the same device are
 * the same filesystem). Network filesystems are left out, unlike cAdvisor: a dead NFS server would
 * hang {@code statfs} in the scrape (the node exporter's filesystem collector reports them with a
 * deadline).
 */
public final class BlockFilesystems {
    private static final Set<String> TYPES = Set.of("xfs", "btrfs", "zfs");

    /** One filesystem: its source ({@code device} label), device number and where it is mounted. */
    public record Filesystem(String source, DeviceNumber device, String mountPoint) {
    }

    private BlockFilesystems() {
    }

    /** The disk filesystems of a mount table (PID 1's {@code mountinfo}), in its order. */
    public static List<Filesystem> of(List<MountInfo> mounts) {
        List<Filesystem> out = new ArrayList<>();
        Set<String> sources = new HashSet<>();
        for (MountInfo mount : mounts) {
            String type = mount.fsType().toLowerCase(Locale.ROOT);
            if (!type.startsWith("ext") && !TYPES.contains(type)) {
                continue;
            }
            if (!mount.source().startsWith("/dev/") && !type.equals("zfs")) {
                continue;
            }
            DeviceNumber number;
            try {
                number = DeviceNumber.parse(mount.device());
            } catch (IllegalArgumentException e) {
                continue; // a line without a device number is no filesystem we can name
            }
            if (!sources.add(mount.source())) {
                continue;
            }
            out.add(new Filesystem(mount.source(), number, mount.mountPoint()));
        }
        return List.copyOf(out);
    }
}
