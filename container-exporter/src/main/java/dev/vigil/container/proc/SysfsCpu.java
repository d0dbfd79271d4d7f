package dev.vigil.container.proc;

/**
 * One {@code <sysfs>/devices/system/cpu/cpuN} directory.
 *
 * @param cpu N
 * @param online whether N is in {@code devices/system/cpu/online} (true when that file is absent)
 * @param coreId {@code topology/core_id}, or null when missing
 * @param packageId {@code topology/physical_package_id}, or null when missing
 */
public record SysfsCpu(int cpu, boolean online, String coreId, String packageId) {

    /** Whether both topology files were there; cAdvisor skips a CPU without them. */
    public boolean hasTopology() {
        return coreId != null && packageId != null;
    }
}
