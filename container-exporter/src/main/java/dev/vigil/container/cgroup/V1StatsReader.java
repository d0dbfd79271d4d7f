package dev.vigil.container.cgroup;

import static dev.vigil.container.cgroup.CgroupFiles.cadvisorLimit;
import static dev.vigil.container.cgroup.CgroupFiles.key;
import static dev.vigil.container.cgroup.CgroupFiles.times;

import dev.vigil.container.cgroup.CgroupStats.BlockIoDevice;
import dev.vigil.container.cgroup.CgroupStats.Cpu;
import dev.vigil.container.cgroup.CgroupStats.CpuSpec;
import dev.vigil.container.cgroup.CgroupStats.Memory;
import dev.vigil.container.cgroup.CgroupStats.MemorySpec;
import dev.vigil.container.cgroup.CgroupStats.Pids;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** cgroup v1 (and hybrid): each controller's files from its own hierarchy. */
final class V1StatsReader extends KeptFilesReader {
    /** USER_HZ: {@code cpuacct.stat} counts in 1/100 s on every Linux architecture cAdvisor runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final CgroupMounts mounts;

    V1StatsReader(CgroupMounts mounts, Clock clock) {
        super(clock);
        this.mounts = mounts;
    }

    @Override
    public CgroupStats read(String cgroup, StatsSelection selection) throws IOException {
        Instant timestamp = clock.instant();
        String relative = CgroupStatsReader.relative(cgroup);
        CgroupFiles cpu = files("cpu", relative);
        CgroupFiles cpuacct = files("cpuacct", relative);
        CgroupFiles memory = files("memory", relative);
        CgroupFiles blkio = files("blkio", relative);
        CgroupFiles pids = files("pids", relative);
        if (mounts.v1Hierarchies().stream().noneMatch(h -> Files.isDirectory(h.resolve(relative)))) {
            throw new NoSuchFileException(cgroup, null, "no such cgroup in any v1 hierarchy");
        }
        SpecCache.Spec spec = specs.get(cgroup, () -> new SpecCache.Spec(cpuSpec(cpu), memorySpec(memory),
                memory.single("memory.use_hierarchy").orElse(0) == 1));
        return new CgroupStats(cgroup, timestamp,
                selection.cpu() ? cpu(cpu, cpuacct, selection, spec.cpu()) : Cpu.ABSENT,
                selection.memory() ? memory(memory, spec.memoryHierarchy()) : Memory.ABSENT,
                selection.blockIo() ? blockIo(blkio) : List.of(),
                selection.processes() ? new Pids(pids.single("pids.current"), zeroIfMax(pids.single("pids.max")))
                        : Pids.ABSENT,
                spec.cpu(), spec.memory(), Optional.empty(), Optional.empty(), Optional.empty(),
                selection.processes() ? cpu.procs() : Optional.empty());
    }

    /** A controller's directory for the cgroup; a controller that is not mounted reads as absent files. */
    private CgroupFiles files(String controller, String relative) {
        return mounts.controller(controller).map(h -> new CgroupFiles(h.resolve(relative), handles)).orElse(CgroupFiles.NONE);
    }

    private static Cpu cpu(CgroupFiles cpu, CgroupFiles cpuacct, StatsSelection selection, CpuSpec spec) {
        Map<String, Long> ticks = cpuacct.flat("cpuacct.stat");
        boolean cfs = selection.cfsWithoutQuota() || spec.quota().orElse(0) != 0;
        Map<String, Long> stat = cfs ? cpu.flat("cpu.stat") : Map.of();
        return new Cpu(cpuacct.single("cpuacct.usage"),
                times(key(ticks, "user"), NANOS_PER_TICK),
                times(key(ticks, "system"), NANOS_PER_TICK),
                selection.perCpu() ? cpuacct.text("cpuacct.usage_percpu").map(PerCpuFile::parse).orElse(List.of()) : List.of(),
                key(stat, "nr_periods"), key(stat, "nr_throttled"), key(stat, "throttled_time"),
                key(stat, "nr_bursts"), key(stat, "burst_time"));
    }

    private static Memory memory(CgroupFiles memory, boolean hierarchy) {
        Map<String, Long> stat = memory.flat("memory.stat");
        // cAdvisor: hierarchical (total_) keys when use_hierarchy is 1, else this cgroup's own.
        String prefix = hierarchy ? "total_" : "";
        OptionalLong usage = memory.single("memory.usage_in_bytes");
        OptionalLong totalInactiveFile = key(stat, "total_inactive_file");
        Map<String, Long> oomControl = memory.flat("memory.oom_control");
        OptionalLong none = OptionalLong.empty();
        return new Memory(usage, memory.single("memory.max_usage_in_bytes"),
                CgroupFiles.workingSet(usage, totalInactiveFile),
                key(stat, prefix + "rss"), key(stat, prefix + "cache"), key(stat, prefix + "swap"),
                key(stat, prefix + "mapped_file"), memory.single("memory.failcnt"),
                memory.single("memory.kmem.usage_in_bytes"),
                key(stat, "total_active_file"), totalInactiveFile,
                key(stat, "pgfault"), key(stat, "pgmajfault"),
                key(stat, "total_pgfault"), key(stat, "total_pgmajfault"),
                none, none, none, key(oomControl, "oom_kill"), none);
    }

    private static CpuSpec cpuSpec(CgroupFiles cpu) {
        OptionalLong quota = cpu.signed("cpu.cfs_quota_us");
        if (quota.isPresent() && quota.getAsLong() < 0) {
            quota = OptionalLong.of(0); // -1 = unlimited, which cAdvisor's spec reports as 0
        }
        return new CpuSpec(cpu.single("cpu.cfs_period_us"), quota, cpu.single("cpu.shares"));
    }

    private static MemorySpec memorySpec(CgroupFiles memory) {
        return new MemorySpec(cadvisorLimit(memory.single("memory.limit_in_bytes")),
                cadvisorLimit(memory.single("memory.soft_limit_in_bytes")),
                cadvisorLimit(memory.single("memory.memsw.limit_in_bytes")));
    }

    static OptionalLong zeroIfMax(OptionalLong value) {
        return value.isPresent() && value.getAsLong() == SingleValueFile.MAX ? OptionalLong.of(0) : value;
    }

    private static List<BlockIoDevice> blockIo(CgroupFiles blkio) {
        for (BlkioSource source : BlkioSource.values()) {
            List<BlkioFile.Entry> first = blkio.text(source.firstFile).map(BlkioFile::parse).orElse(List.of());
            if (first.isEmpty()) {
                continue;
            }
            List<BlkioFile.Entry> serviced = source.servicedFile.equals(source.firstFile) ? first
                    : blkio.text(source.servicedFile).map(BlkioFile::parse).orElse(List.of());
            List<BlkioFile.Entry> bytes = blkio.text(source.bytesFile).map(BlkioFile::parse).orElse(List.of());
            return BlkioDevices.merge(bytes, serviced);
        }
        return List.of();
    }
}
