package dev.vigil.container.collector;

import static dev.vigil.container.collector.Families.*;

import dev.vigil.container.cgroup.CgroupStats;
import dev.vigil.container.proc.BlockFilesystems.Filesystem;
import dev.vigil.container.proc.DirectoryUsage;
import dev.vigil.container.proc.DiskStats;
import dev.vigil.container.proc.DiskstatsReader;
import dev.vigil.container.proc.FilesystemReader;
import dev.vigil.container.proc.ProcDiskstats;
import dev.vigil.container.runtime.ContainerMetadata;
import dev.vigil.container.runtime.EngineInfo;
import dev.vigil.container.runtime.Runtime;
import dev.vigil.container.runtime.WritableLayers;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.exporter.log.Log;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Filesystem samples (spec 3.6, second source, and 3.7), labelled {@code device} with the
 * filesystem's source ({@code /dev/vda1}):
 * <ul>
 * <li>the root container's: capacity and inodes of each disk filesystem ({@code disk} kind) and its
 * {@code /proc/diskstats} counters ({@code diskIO} kind). As cAdvisor: diskstats only for
 * {@code sd*}, {@code vd*}, {@code xvd*}, {@code dm-*} devices (others read 0), and diskstats
 * milliseconds divided by 1e9 ({@link ProcDiskstats#seconds});
 * <li>each Docker container's writable layer ({@code disk} kind): {@code container_fs_usage_bytes}
 * is the layer's size (measured in the background, {@link LayerUsage}), {@code container_fs_limit_bytes}
 * the capacity of the filesystem holding Docker's root directory, as cAdvisor reports them.
 * </ul>
 */
final class FilesystemSamples {
    private static final Log LOG = Log.get(FilesystemSamples.class);
    private static final DiskStats ZERO = new DiskStats(0, 0, "", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private final FilesystemReader capacity;
    private final DiskstatsReader diskstats;
    private final boolean disk;
    private final boolean diskIo;
    private final LayerUsage layers;

    FilesystemSamples(HostPaths paths, boolean disk, boolean diskIo) {
        this.capacity = new FilesystemReader(paths);
        this.diskstats = new DiskstatsReader(paths);
        this.disk = disk;
        this.diskIo = diskIo;
        this.layers = new LayerUsage(new WritableLayers(paths), System::nanoTime);
    }

    /** Starts a scrape: the running Docker containers' layers are tracked, the capacities read once. */
    Scrape start(HostFacts host, Set<String> dockerContainers) {
        Optional<EngineInfo> docker = host.docker().filter(e -> !e.rootDir().isEmpty());
        if (disk && docker.isPresent()) {
            layers.track(dockerContainers, docker.get());
        }
        return new Scrape(host, docker.flatMap(e -> host.filesystemOf(e.rootDir())));
    }

    /** One scrape's filesystem samples; statfs of each filesystem at most once. */
    final class Scrape {
        private final HostFacts host;
        private final Optional<Filesystem> dockerFs;
        private final Map<Filesystem, Optional<FilesystemReader.Usage>> usage = new HashMap<>();

        private Scrape(HostFacts host, Optional<Filesystem> dockerFs) {
            this.host = host;
            this.dockerFs = dockerFs;
        }

        /** The container's filesystem samples, if it has any (the root, a Docker container). */
        void emit(Emitter out, String[] base, LabelScheme.Row row, CgroupStats stats) {
            if (row.id().equals("/")) {
                root(out, base, stats);
            } else if (disk && dockerFs.isPresent()
                    && row.meta().map(ContainerMetadata::runtime).orElse(null) == Runtime.DOCKER) {
                Optional<DirectoryUsage.Usage> layer = layers.usage(row.meta().get().id());
                Optional<FilesystemReader.Usage> fs = usage(dockerFs.get());
                if (layer.isPresent() && fs.isPresent()) {
                    out.add(FS_LIMIT, fs.get().capacityBytes(), base, dockerFs.get().source());
                    out.add(FS_USAGE, layer.get().bytes(), base, dockerFs.get().source());
                }
            }
        }

        private void root(Emitter out, String[] base, CgroupStats root) {
            if (disk) {
                for (Filesystem fs : host.filesystems()) {
                    Optional<FilesystemReader.Usage> u = usage(fs);
                    if (u.isPresent()) {
                        out.add(FS_LIMIT, u.get().capacityBytes(), base, fs.source());
                        out.add(FS_USAGE, u.get().usedBytes(), base, fs.source());
                        out.add(FS_INODES_TOTAL, u.get().inodes(), base, fs.source());
                        out.add(FS_INODES_FREE, u.get().inodesFree(), base, fs.source());
                    }
                }
            }
            if (diskIo && !host.filesystems().isEmpty()) {
                Map<String, DiskStats> lines;
                try {
                    lines = diskstats.readCadvisor();
                } catch (IOException e) {
                    LOG.debug("No diskstats", "err", e.getMessage());
                    return;
                }
                Set<String> cgroupDevices = new HashSet<>();
                root.blockIo().forEach(d -> cgroupDevices.add(d.major() + ":" + d.minor()));
                for (Filesystem fs : host.filesystems()) {
                    if (cgroupDevices.contains(fs.device().toString())) {
                        continue; // the cgroup's own samples for this device came first; one series per label set
                    }
                    ioSamples(out, base, fs.source(), lines.getOrDefault(fs.source(), ZERO));
                }
            }
        }

        private Optional<FilesystemReader.Usage> usage(Filesystem fs) {
            return usage.computeIfAbsent(fs, f -> {
                try {
                    return Optional.of(capacity.usage(f));
                } catch (IOException e) {
                    LOG.debug("No filesystem capacity", "device", f.source(), "err", e.getMessage());
                    return Optional.empty();
                }
            });
        }
    }

    private static void ioSamples(Emitter out, String[] base, String device, DiskStats d) {
        out.add(FS_READS, d.readsCompleted(), base, device);
        out.add(FS_WRITES, d.writesCompleted(), base, device);
        out.add(FS_SECTOR_READS, d.sectorsRead(), base, device);
        out.add(FS_SECTOR_WRITES, d.sectorsWritten(), base, device);
        out.add(FS_READS_MERGED, d.readsMerged(), base, device);
        out.add(FS_WRITES_MERGED, d.writesMerged(), base, device);
        out.add(FS_READ_SECONDS, ProcDiskstats.seconds(d.readTimeMs(), true), base, device);
        out.add(FS_WRITE_SECONDS, ProcDiskstats.seconds(d.writeTimeMs(), true), base, device);
        out.add(FS_IO_CURRENT, d.ioInProgress(), base, device);
        out.add(FS_IO_TIME, ProcDiskstats.seconds(d.ioTimeMs(), true), base, device);
        out.add(FS_IO_TIME_WEIGHTED, ProcDiskstats.seconds(d.weightedIoTimeMs(), true), base, device);
    }
}
