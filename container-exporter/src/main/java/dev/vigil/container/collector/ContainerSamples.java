package dev.vigil.container.collector;

import static dev.vigil.container.collector.Families.*;

import dev.vigil.container.cgroup.CgroupStats;
import dev.vigil.container.proc.DeviceNamer;
import dev.vigil.container.proc.InterfaceStats;
import dev.vigil.container.proc.ProcessCounts;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One container's samples from its cgroup stats, per cAdvisor's kinds and emission rules (spec
 * 2.4, 3.1-3.10): which families are omitted, which read 0 when their file is absent, and the unit
 * conversions.
 */
final class ContainerSamples {
    private static final double NANOS = 1e9;
    private static final String[] TASK_STATES = {"iowaiting", "running", "sleeping", "stopped", "uninterruptible"};

    private ContainerSamples() {
    }

    /**
     * The spec families (3.1), emitted whatever the stats: start time, CPU and memory limits. The root's
     * memory and swap limits are the machine's; on v2 every cgroup "has a cpu cgroup" (cAdvisor's
     * HasCpu), so period and shares read 0 where {@code cpu.max}/{@code cpu.weight} are absent (the root).
     */
    static void spec(Emitter out, CgroupStats s, Optional<Double> startSeconds, String[] base, long rootMemLimit,
            long rootSwapLimit, boolean root, boolean unified) {
        startSeconds.ifPresent(t -> out.add(START_TIME, Math.floor(t), base));
        CgroupStats.CpuSpec cpu = s.cpuSpec();
        if (unified || cpu.period().isPresent() || cpu.shares().isPresent()) {
            out.add(SPEC_CPU_PERIOD, cpu.period(), 1, true, base);
            out.add(SPEC_CPU_SHARES, cpu.shares(), 1, true, base);
        }
        if (cpu.quota().isPresent() && cpu.quota().getAsLong() != 0) {
            out.add(SPEC_CPU_QUOTA, cpu.quota().getAsLong(), base);
        }
        CgroupStats.MemorySpec mem = s.memorySpec();
        if (mem.limit().isPresent() || root) {
            long limit = root && mem.limit().orElse(0) == 0 ? rootMemLimit : mem.limit().orElse(0);
            out.add(SPEC_MEMORY_LIMIT, limit, base);
            if (root) {
                out.add(SPEC_MEMORY_SWAP_LIMIT, rootSwapLimit, base);
            } else {
                out.add(SPEC_MEMORY_SWAP_LIMIT, mem.swapLimit(), 1, true, base);
            }
            out.add(SPEC_MEMORY_RESERVATION, mem.reservation(), 1, true, base);
        }
    }

    /** cpu (3.2): per-CPU usage on v1 (CPUs at 0 skipped), else one cpu="total"; CFS only with a quota. */
    static void cpu(Emitter out, CgroupStats s, boolean perCpu, String[] base) {
        CgroupStats.Cpu cpu = s.cpu();
        out.add(CPU_USER, cpu.userNanos(), NANOS, true, base);
        out.add(CPU_SYSTEM, cpu.systemNanos(), NANOS, true, base);
        List<Long> per = cpu.perCpuNanos();
        if (perCpu && !per.isEmpty()) {
            for (int i = 0; i < per.size(); i++) {
                if (per.get(i) != 0) {
                    out.add(CPU_USAGE, per.get(i) / NANOS, base, String.format("cpu%02d", i));
                }
            }
        } else if (cpu.usageNanos().orElse(0) > 0) {
            out.add(CPU_USAGE, cpu.usageNanos().getAsLong() / NANOS, base, "total");
        }
        if (s.cpuSpec().quota().orElse(0) != 0) {
            out.add(CFS_PERIODS, cpu.periods(), 1, true, base);
            out.add(CFS_THROTTLED_PERIODS, cpu.throttledPeriods(), 1, true, base);
            out.add(CFS_THROTTLED_SECONDS, cpu.throttledNanos(), NANOS, true, base);
        }
    }

    /** cpuLoad (3.3): cAdvisor emits zeros unless its netlink load reader is on; so do we. */
    static void cpuLoad(Emitter out, String[] base) {
        out.add(LOAD_AVERAGE, 0, base);
        for (String state : TASK_STATES) {
            out.add(TASKS_STATE, 0, base, state);
        }
    }

    /** memory (3.4). */
    static void memory(Emitter out, CgroupStats s, String[] base) {
        CgroupStats.Memory m = s.memory();
        out.add(MEMORY_USAGE, m.usage(), 1, true, base);
        out.add(MEMORY_WORKING_SET, m.workingSet(), 1, true, base);
        out.add(MEMORY_CACHE, m.cache(), 1, true, base);
        out.add(MEMORY_RSS, m.rss(), 1, true, base);
        out.add(MEMORY_MAPPED_FILE, m.mappedFile(), 1, true, base);
        out.add(MEMORY_SWAP, m.swap(), 1, true, base);
        out.add(MEMORY_KERNEL, m.kernelUsage(), 1, true, base);
        out.add(MEMORY_MAX_USAGE, m.maxUsage(), 1, true, base);
        out.add(MEMORY_FAILCNT, m.failcnt(), 1, true, base);
        for (String scope : new String[] {"container", "hierarchy"}) {
            // cAdvisor writes the same (container-scope) value under both scopes.
            out.add(MEMORY_FAILURES, m.pgfault(), 1, true, base, "pgfault", scope);
            out.add(MEMORY_FAILURES, m.pgmajfault(), 1, true, base, "pgmajfault", scope);
        }
        out.add(MEMORY_ACTIVE_FILE, m.activeFile(), 1, true, base);
        out.add(MEMORY_INACTIVE_FILE, m.inactiveFile(), 1, true, base);
    }

    /** oom_event (3.5), from the cgroup's own oom_kill counter. */
    static void oomEvents(Emitter out, CgroupStats s, String[] base) {
        CgroupStats.Memory m = s.memory();
        OptionalLong oom = m.oomKills().isPresent() ? m.oomKills() : m.oomKillsLocal();
        out.add(OOM_EVENTS, oom, 1, true, base);
    }

    /** diskIO (3.6), the cgroup half: one sample per device in the cgroup's files. */
    static void blockIo(Emitter out, CgroupStats s, DeviceNamer names, String[] base) {
        Set<String> named = new HashSet<>();
        for (CgroupStats.BlockIoDevice d : s.blockIo()) {
            String device = names.name(d.major(), d.minor());
            // Two devices with no known name are both device="": a repeated label set would make the
            // sink drop the whole family. client_golang keeps the first such sample; so do we.
            if (named.add(device)) {
                out.add(FS_READS_BYTES, d.readBytes(), 1, false, base, device);
                out.add(FS_WRITES_BYTES, d.writeBytes(), 1, false, base, device);
                out.add(FS_READS, d.reads(), 1, false, base, device);
                out.add(FS_WRITES, d.writes(), 1, false, base, device);
            }
            for (Map.Entry<String, Long> op : d.bytesByOperation().entrySet()) {
                out.add(BLKIO_DEVICE_USAGE, op.getValue(), base, device, Integer.toString(d.major()),
                        Integer.toString(d.minor()), op.getKey());
            }
        }
    }

    /** network (3.8): the interfaces of the container's namespace that cAdvisor keeps. */
    static void network(Emitter out, List<InterfaceStats> interfaces, String[] base) {
        for (InterfaceStats i : interfaces) {
            String name = i.name();
            out.add(NET_RX_BYTES, i.rxBytes(), base, name);
            out.add(NET_RX_PACKETS, i.rxPackets(), base, name);
            out.add(NET_RX_ERRORS, i.rxErrors(), base, name);
            out.add(NET_RX_DROPPED, i.rxDropped(), base, name);
            out.add(NET_TX_BYTES, i.txBytes(), base, name);
            out.add(NET_TX_PACKETS, i.txPackets(), base, name);
            out.add(NET_TX_ERRORS, i.txErrors(), base, name);
            out.add(NET_TX_DROPPED, i.txDropped(), base, name);
        }
    }

    /** process (3.9): threads from pids.current when the pids controller has it, else counted. */
    static void processes(Emitter out, CgroupStats s, ProcessCounts counts, String[] base) {
        out.add(PROCESSES, counts.processes(), base);
        out.add(THREADS, s.pids().current().orElse(counts.threads()), base);
        out.add(THREADS_MAX, s.pids().max().orElse(0), base);
        out.add(FILE_DESCRIPTORS, counts.fileDescriptors(), base);
        out.add(SOCKETS, counts.sockets(), base);
    }

    /** pressure (3.10): only where the cgroup has *.pressure files (v2). */
    static void pressure(Emitter out, CgroupStats s, String[] base) {
        s.cpuPressure().ifPresent(p -> pressure(out, p, PRESSURE_CPU_WAITING, PRESSURE_CPU_STALLED, base));
        s.memoryPressure().ifPresent(p -> pressure(out, p, PRESSURE_MEMORY_WAITING, PRESSURE_MEMORY_STALLED, base));
        s.ioPressure().ifPresent(p -> pressure(out, p, PRESSURE_IO_WAITING, PRESSURE_IO_STALLED, base));
    }

    private static void pressure(Emitter out, CgroupStats.Pressure p, Family waiting, Family stalled, String[] base) {
        p.some().ifPresent(l -> out.add(waiting, l.totalMicros() / 1e6, base));
        p.full().ifPresent(l -> out.add(stalled, l.totalMicros() / 1e6, base));
    }
}
