package dev.vigil.container.collector;

import static dev.vigil.container.collector.Families.*;

import dev.vigil.container.cgroup.CgroupStats;
import dev.vigil.container.proc.BlockFilesystems.Filesystem;
import dev.vigil.container.proc.DiskStats;
import dev.vigil.container.proc.DiskstatsReader;
import dev.vigil.container.proc.FilesystemReader;
import dev.vigil.container.proc.ProcDiskstats;
import dev.vigil.exporter.log.Log;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The root container's filesystem samples (spec 3.6, second source, and 3.7): capacity and inodes
 * of each disk filesystem ({@code disk} kind) and its {@code /proc/diskstats} counters
 * ({@code diskIO} kind), labelled {@code device} with the filesystem's source ({@code /dev/vda1}).
 * As cAdvisor: diskstats only for {@code sd*}, {@code vd*}, {@code xvd*}, {@code dm-*} devices
 * (others read 0), and diskstats milliseconds divided by 1e9 ({@link ProcDiskstats#seconds}).
 */
final class RootFilesystems {
    private static final Log LOG = Log.get(RootFilesystems.class);
    private static final DiskStats ZERO = new DiskStats(0, 0, "", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private RootFilesystems() {
    }

    /**
     * @param capacity the reader for the disk kind, null when it is off
     * @param diskstats the reader for the diskIO kind, null when it is off
     * @param root the root cgroup's stats: a device its block I/O already named keeps those samples
     */
    static void emit(Emitter out, String[] base, List<Filesystem> filesystems, FilesystemReader capacity,
            DiskstatsReader diskstats, CgroupStats root) {
        if (filesystems.isEmpty()) {
            return;
        }
        if (capacity != null) {
            for (Filesystem fs : filesystems) {
                FilesystemReader.Usage usage;
                try {
                    usage = capacity.usage(fs);
                } catch (IOException e) {
                    LOG.debug("No filesystem capacity", "device", fs.source(), "err", e.getMessage());
                    continue;
                }
                out.add(FS_LIMIT, usage.capacityBytes(), base, fs.source());
                out.add(FS_USAGE, usage.usedBytes(), base, fs.source());
                out.add(FS_INODES_TOTAL, usage.inodes(), base, fs.source());
                out.add(FS_INODES_FREE, usage.inodesFree(), base, fs.source());
            }
        }
        if (diskstats != null) {
            Map<String, DiskStats> lines;
            try {
                lines = diskstats.readCadvisor();
            } catch (IOException e) {
                LOG.debug("No diskstats", "err", e.getMessage());
                return;
            }
            Set<String> cgroupDevices = new HashSet<>();
            root.blockIo().forEach(d -> cgroupDevices.add(d.major() + ":" + d.minor()));
            for (Filesystem fs : filesystems) {
                if (cgroupDevices.contains(fs.device().toString())) {
                    continue; // the cgroup's own samples for this device came first; one series per label set
                }
                ioSamples(out, base, fs.source(), lines.getOrDefault(fs.source(), ZERO));
            }
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
