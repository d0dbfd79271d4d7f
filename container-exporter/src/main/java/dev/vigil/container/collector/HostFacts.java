package dev.vigil.container.collector;

import dev.vigil.container.proc.BlockDevices;
import dev.vigil.container.proc.BlockFilesystems;
import dev.vigil.container.proc.DeviceNamer;
import dev.vigil.container.proc.DeviceNumber;
import dev.vigil.container.proc.FilesystemReader;
import dev.vigil.container.proc.HostVersions;
import dev.vigil.container.proc.MachineInfoReader;
import dev.vigil.container.runtime.EngineInfo;
import dev.vigil.container.runtime.MetadataResolver;
import dev.vigil.container.runtime.Runtime;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.exporter.log.Log;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The machine facts the container samples need: block device names (from the disks and the
 * mounted filesystems), the disk filesystems, memory and swap totals, kernel and OS versions, and
 * what the Docker engine says about itself. Machine facts, not per-scrape work: read again at most
 * every {@link #TTL} (disks, swap and mounts can be added).
 *
 * @param docker the Docker engine's version, root directory and storage driver, when one answers
 */
record HostFacts(DeviceNamer devices, List<BlockFilesystems.Filesystem> filesystems, long memTotal, long swapTotal,
        String kernelVersion, String osVersion, Optional<EngineInfo> docker, Instant readAt) {

    static final Duration TTL = Duration.ofMinutes(1);

    String dockerVersion() {
        return docker.map(EngineInfo::version).orElse("");
    }

    /**
     * The disk filesystem holding {@code path} (the longest mount point that is a prefix of it), as
     * the host's mount table names it.
     */
    Optional<BlockFilesystems.Filesystem> filesystemOf(String path) {
        BlockFilesystems.Filesystem best = null;
        for (BlockFilesystems.Filesystem fs : filesystems) {
            String mp = fs.mountPoint();
            boolean holds = mp.equals("/") || path.equals(mp) || path.startsWith(mp + "/");
            if (holds && (best == null || mp.length() > best.mountPoint().length())) {
                best = fs;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Reads the facts, and keeps them for {@link #TTL}. Only the scrape thread calls it. */
    static final class Source {
        private static final Log LOG = Log.get(HostFacts.class);

        private final BlockDevices blockDevices;
        private final MachineInfoReader machine;
        private final HostVersions versions;
        private final FilesystemReader filesystems;
        private final MetadataResolver resolver;
        private final boolean wantFilesystems;
        private HostFacts facts;

        Source(HostPaths paths, MetadataResolver resolver, boolean wantFilesystems) {
            this.blockDevices = new BlockDevices(paths);
            this.machine = new MachineInfoReader(paths);
            this.versions = new HostVersions(paths);
            this.filesystems = new FilesystemReader(paths);
            this.resolver = resolver;
            this.wantFilesystems = wantFilesystems;
        }

        HostFacts get(Instant now) throws IOException {
            HostFacts current = facts;
            if (current == null || !now.isBefore(current.readAt().plus(TTL)) || now.isBefore(current.readAt())) {
                List<BlockFilesystems.Filesystem> mounted = mounted();
                Map<DeviceNumber, String> bySource = new HashMap<>();
                mounted.forEach(f -> bySource.putIfAbsent(f.device(), f.source()));
                current = new HostFacts(new DeviceNamer(bySource, blockDevices.disks()), mounted,
                        machine.memTotalBytes(), machine.swapTotalBytes(), versions.kernel(), versions.os(),
                        resolver.engine(Runtime.DOCKER), now);
                facts = current;
            }
            return current;
        }

        /** The disk filesystems, or none when they are not wanted or the mount table cannot be read. */
        private List<BlockFilesystems.Filesystem> mounted() {
            if (!wantFilesystems) {
                return List.of();
            }
            try {
                return filesystems.mounted();
            } catch (IOException e) {
                LOG.debug("No mount table", "err", e.getMessage());
                return List.of();
            }
        }
    }
}
