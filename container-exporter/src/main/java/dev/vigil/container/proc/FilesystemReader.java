package dev.vigil.container.proc;

import dev.vigil.container.cgroup.MountInfo;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.exporter.syscall.Statfs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The host's disk filesystems ({@link BlockFilesystems}) from PID 1's mount table (the host's, in a
 * DaemonSet with the host's PID namespace; this process' own when PID 1's cannot be read), and
 * their capacity through {@code statfs(2)} on the mount point under {@code --path.rootfs}.
 */
public final class FilesystemReader {
    private final HostPaths paths;

    public FilesystemReader(HostPaths paths) {
        this.paths = paths;
    }

    /** The disk filesystems mounted now. */
    public List<BlockFilesystems.Filesystem> mounted() throws IOException {
        String table;
        try {
            table = Files.readString(paths.proc("1", "mountinfo"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            table = Files.readString(paths.proc("self", "mountinfo"), StandardCharsets.UTF_8);
        }
        return BlockFilesystems.of(MountInfo.parse(table));
    }

    /** One filesystem's capacity, as cAdvisor reports it (spec 3.7). */
    public record Usage(double capacityBytes, double usedBytes, double inodes, double inodesFree) {
    }

    /**
     * The filesystem's capacity now.
     *
     * @throws IOException when {@code statfs} fails (unmounted since the table was read, no access)
     */
    public Usage usage(BlockFilesystems.Filesystem filesystem) throws IOException {
        String mountPoint = filesystem.mountPoint();
        Path where = mountPoint.equals("/") ? paths.rootfs() : paths.root(mountPoint.substring(1));
        Statfs s = Statfs.of(where.toString());
        // cAdvisor: usage = capacity - free (f_bfree, blocks free to root too), not - available.
        return new Usage(s.sizeBytes(), s.sizeBytes() - s.freeBytes(), s.files(), s.filesFree());
    }
}
