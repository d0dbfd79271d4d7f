package dev.vigil.container.cgroup;

/**
 * Which parts of a cgroup's stats to read: the files of a part nobody exports are not opened
 * (on cgroup v1 a cgroup has about 25 files; each costs a few syscalls per scrape). The limits
 * ({@link CgroupStats#cpuSpec()}, {@link CgroupStats#memorySpec()}) are always read. A part left
 * out reads as absent, exactly as if its files did not exist.
 *
 * @param cpu {@code cpuacct.*} / {@code cpu.stat}
 * @param perCpu v1 {@code cpuacct.usage_percpu} (only with {@code cpu})
 * @param cfsWithoutQuota v1 {@code cpu.stat} (CFS periods, throttling) also for cgroups without a
 *     quota; cAdvisor exports those counters only with a quota, so the collector leaves this off
 * @param memory the memory files, OOM counters included
 * @param blockIo blkio / {@code io.stat}
 * @param processes {@code cgroup.procs} and the pids controller
 * @param pressure v2 {@code *.pressure}
 */
public record StatsSelection(boolean cpu, boolean perCpu, boolean cfsWithoutQuota, boolean memory, boolean blockIo, boolean processes,
        boolean pressure) {

    /** Everything: what tests and tools that print a whole cgroup want. */
    public static final StatsSelection ALL = new StatsSelection(true, true, true, true, true, true, true);
}
