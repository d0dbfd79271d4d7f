/**
 * What cAdvisor reads from {@code /proc} and {@code /sys} outside the cgroup files: a process's
 * network namespace counters ({@code container_network_*}), process, thread, fd and socket counts
 * ({@code container_processes} and friends), machine facts ({@code machine_*}), a raw cgroup's
 * start time, and the root's {@code /proc/diskstats} half of the I/O families with the
 * {@code major:minor} to device-name mapping.
 *
 * <p>Each file has a pure parser (text in, values out, {@link IllegalArgumentException} on a
 * malformed file) and a thin reader that finds the file under {@code --path.procfs},
 * {@code --path.sysfs} or {@code --path.rootfs} ({@link dev.vigil.exporter.host.HostPaths}) and
 * turns a malformed file into an {@link java.io.IOException} naming it. A process that exits while
 * we read it is not an error: it is absent ({@link java.util.Optional#empty()}) or skipped.
 *
 * <p>{@code machine_nvm_capacity} and {@code machine_nvm_avg_power_budget_watts} are not read here:
 * cAdvisor fills them only when built with Intel's libipmctl and otherwise emits constant zeros,
 * which a collector can do without any source.
 */
package dev.vigil.container.proc;
