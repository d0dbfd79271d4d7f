package dev.vigil.container.cgroup;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One cgroup's statistics at one moment, the same shape for v1 and v2.
 *
 * <p>Absence: every value is an {@code OptionalLong} (or an {@code Optional}, or an empty list) that
 * is empty when the file it comes from does not exist, could not be read, or lacks the key. So "the
 * kernel gives nothing" is never confused with 0; the collectors decide where cAdvisor prints 0
 * instead (spec §2.4, §5). Counters stay in the kernel's integer unit (nanoseconds for CPU time,
 * bytes for memory): exact, and seconds are one division away ({@link Cpu#usageSeconds()}).
 *
 * @param cgroup the cgroup's name ({@code /}, {@code /docker/<id>})
 * @param timestamp when reading started (cAdvisor stamps samples with it)
 * @param blockIo one entry per device in blkio/io.stat; empty when there is none
 * @param cpuPressure v2 {@code cpu.pressure}; empty on v1 or without PSI
 * @param processes the PIDs in {@code cgroup.procs} of the cpu cgroup (v2: the cgroup), this cgroup only
 */
public record CgroupStats(
        String cgroup,
        Instant timestamp,
        Cpu cpu,
        Memory memory,
        List<BlockIoDevice> blockIo,
        Pids pids,
        CpuSpec cpuSpec,
        MemorySpec memorySpec,
        Optional<Pressure> cpuPressure,
        Optional<Pressure> memoryPressure,
        Optional<Pressure> ioPressure,
        Optional<List<Long>> processes) {

    public CgroupStats {
        blockIo = List.copyOf(blockIo);
        processes = processes.map(List::copyOf);
    }

    /**
     * CPU accounting, in nanoseconds.
     *
     * @param usageNanos v1 {@code cpuacct.usage}; v2 {@code cpu.stat usage_usec} × 1000
     * @param userNanos v1 {@code cpuacct.stat user} ticks × 10^7 (USER_HZ 100); v2 {@code user_usec} × 1000
     * @param systemNanos as {@code userNanos} for {@code system}
     * @param perCpuNanos v1 {@code cpuacct.usage_percpu} by CPU index; always empty on v2
     * @param periods {@code cpu.stat nr_periods}
     * @param throttledPeriods {@code cpu.stat nr_throttled}
     * @param throttledNanos v1 {@code throttled_time}; v2 {@code throttled_usec} × 1000
     * @param burstPeriods {@code cpu.stat nr_bursts} (kernel 5.14+)
     * @param burstNanos v1 {@code burst_time}; v2 {@code burst_usec} × 1000
     */
    public record Cpu(OptionalLong usageNanos, OptionalLong userNanos, OptionalLong systemNanos,
            List<Long> perCpuNanos, OptionalLong periods, OptionalLong throttledPeriods,
            OptionalLong throttledNanos, OptionalLong burstPeriods, OptionalLong burstNanos) {
        public Cpu {
            perCpuNanos = List.copyOf(perCpuNanos);
        }

        /** Nothing read. */
        public static final Cpu ABSENT = new Cpu(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                List.of(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty());

        public OptionalDouble usageSeconds() {
            return seconds(usageNanos);
        }

        public OptionalDouble userSeconds() {
            return seconds(userNanos);
        }

        public OptionalDouble systemSeconds() {
            return seconds(systemNanos);
        }

        public OptionalDouble throttledSeconds() {
            return seconds(throttledNanos);
        }

        private static OptionalDouble seconds(OptionalLong nanos) {
            return nanos.isPresent() ? OptionalDouble.of(nanos.getAsLong() / 1e9) : OptionalDouble.empty();
        }
    }

    /**
     * Memory, in bytes (counts for faults and events).
     *
     * @param usage v1 {@code memory.usage_in_bytes}; v2 {@code memory.current}, at the v2 root
     *     {@code anon + file} of {@code memory.stat}
     * @param maxUsage v1 {@code memory.max_usage_in_bytes}; v2 {@code memory.peak} (kernel 5.19+)
     * @param workingSet usage − inactive file (v1 always {@code total_inactive_file}), floored at 0;
     *     usage itself when the key is missing
     * @param rss v1 {@code total_rss}/{@code rss} by {@code memory.use_hierarchy}; v2 {@code anon}
     * @param cache v1 {@code total_cache}/{@code cache}; v2 {@code file}
     * @param swap v1 {@code total_swap}/{@code swap}; v2 {@code memory.swap.current}, at the v2 root
     *     {@code SwapTotal − SwapFree} of {@code /proc/meminfo}
     * @param mappedFile v1 {@code total_mapped_file}/{@code mapped_file}; v2 {@code file_mapped}
     * @param failcnt v1 {@code memory.failcnt}; none on v2
     * @param kernelUsage v1 {@code memory.kmem.usage_in_bytes}; none on v2 (cAdvisor reads nothing there)
     * @param activeFile v1 {@code total_active_file}; v2 {@code active_file}
     * @param inactiveFile v1 {@code total_inactive_file}; v2 {@code inactive_file}
     * @param pgfault {@code memory.stat pgfault}: this cgroup (v1 non-{@code total_} key; v2 is
     *     hierarchical by nature). cAdvisor writes this one value to both of its scopes
     * @param pgmajfault as {@code pgfault} for {@code pgmajfault}
     * @param hierarchicalPgfault v1 {@code total_pgfault}; v2 {@code pgfault}
     * @param hierarchicalPgmajfault v1 {@code total_pgmajfault}; v2 {@code pgmajfault}
     * @param eventsHigh v2 {@code memory.events high}
     * @param eventsMax v2 {@code memory.events max}
     * @param oomEvents v2 {@code memory.events oom}
     * @param oomKills v2 {@code memory.events oom_kill} (this cgroup and descendants); v1
     *     {@code memory.oom_control oom_kill} (kernel 4.13+)
     * @param oomKillsLocal v2 {@code memory.events.local oom_kill} (kills in this cgroup only)
     */
    public record Memory(OptionalLong usage, OptionalLong maxUsage, OptionalLong workingSet, OptionalLong rss,
            OptionalLong cache, OptionalLong swap, OptionalLong mappedFile, OptionalLong failcnt,
            OptionalLong kernelUsage, OptionalLong activeFile, OptionalLong inactiveFile, OptionalLong pgfault,
            OptionalLong pgmajfault, OptionalLong hierarchicalPgfault, OptionalLong hierarchicalPgmajfault,
            OptionalLong eventsHigh, OptionalLong eventsMax, OptionalLong oomEvents, OptionalLong oomKills,
            OptionalLong oomKillsLocal) {
        /** Nothing read. */
        public static final Memory ABSENT = new Memory(OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty());
    }

    /**
     * One block device's I/O.
     *
     * @param readBytes v1 {@code io_service_bytes*} op {@code Read}; v2 {@code rbytes}
     * @param writeBytes v1 op {@code Write}; v2 {@code wbytes}
     * @param reads v1 {@code io_serviced*} op {@code Read}; v2 {@code rios}
     * @param writes v1 op {@code Write}; v2 {@code wios}
     * @param bytesByOperation every op of the bytes file in file order (v1: {@code Read Write Sync
     *     Async Discard Total} as present; v2: {@code Read}, {@code Write}), for
     *     {@code container_blkio_device_usage_total}
     */
    public record BlockIoDevice(int major, int minor, OptionalLong readBytes, OptionalLong writeBytes,
            OptionalLong reads, OptionalLong writes, Map<String, Long> bytesByOperation) {
        public BlockIoDevice {
            bytesByOperation = Collections.unmodifiableMap(new LinkedHashMap<>(bytesByOperation));
        }
    }

    /**
     * Tasks.
     *
     * @param current {@code pids.current}; v2 without the pids controller: the number of
     *     {@code cgroup.procs} lines, as the cgroups library counts. Absent at the v1 root
     * @param max {@code pids.max}, with {@code max} as 0 (cAdvisor's "infinity")
     */
    public record Pids(OptionalLong current, OptionalLong max) {
        /** Nothing read. */
        public static final Pids ABSENT = new Pids(OptionalLong.empty(), OptionalLong.empty());
    }

    /**
     * CPU limits.
     *
     * @param period v1 {@code cpu.cfs_period_us}; v2 second field of {@code cpu.max} (µs)
     * @param quota v1 {@code cpu.cfs_quota_us}, {@code -1} as 0; v2 first field of {@code cpu.max},
     *     {@code max} as 0. So 0 = unlimited, as in cAdvisor's spec
     * @param shares v1 {@code cpu.shares}; v2 {@code cpu.weight} as shares: {@code 2 + ((w − 1) × 262142) / 9999}
     */
    public record CpuSpec(OptionalLong period, OptionalLong quota, OptionalLong shares) {
    }

    /**
     * Memory limits, unlimited ({@code max}, or above 2^62) as 0, as cAdvisor reports them.
     *
     * @param limit v1 {@code memory.limit_in_bytes}; v2 {@code memory.max}
     * @param reservation v1 {@code memory.soft_limit_in_bytes}; v2 {@code memory.min} (cAdvisor's
     *     choice, not {@code memory.low})
     * @param swapLimit v1 {@code memory.memsw.limit_in_bytes} (memory + swap); v2 {@code memory.swap.max} (swap only)
     */
    public record MemorySpec(OptionalLong limit, OptionalLong reservation, OptionalLong swapLimit) {
    }

    /** A PSI file: its {@code some} and {@code full} lines (the root's {@code cpu.pressure} may lack {@code full}). */
    public record Pressure(Optional<PressureLine> some, Optional<PressureLine> full) {
    }

    /** One PSI line: averages in percent, total stall time in microseconds. */
    public record PressureLine(double avg10, double avg60, double avg300, long totalMicros) {
        public double totalSeconds() {
            return totalMicros / 1e6;
        }
    }
}
