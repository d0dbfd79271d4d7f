package dev.vigil.container.proc;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code machine_cpu_cores}, {@code machine_cpu_physical_cores} and {@code machine_cpu_sockets},
 * derived the way cAdvisor derives them ({@code machine/machine.go}, {@code utils/sysinfo},
 * {@code utils/sysfs}).
 */
public record CpuCounts(int logical, int physicalCores, int sockets) {

    /**
     * Combines the sysfs CPU directories with {@code /proc/cpuinfo}.
     * <ul>
     *   <li>logical: with NUMA node directories, the online CPUs that have both topology files;
     *       without, every {@code cpuN} directory. When sysfs has no CPU directories at all (a
     *       stripped container), {@code processor} lines of cpuinfo: our fallback, where cAdvisor
     *       would report 0.
     *   <li>physical cores: distinct {@code core id} of cpuinfo (see {@link CpuInfo} for its
     *       multi-socket quirk); when there are none, distinct (core_id, physical_package_id)
     *       pairs of the online sysfs CPUs, a missing file read as "0" as cAdvisor does.
     *   <li>sockets: distinct {@code physical id} of cpuinfo; when none, distinct
     *       physical_package_id of the online sysfs CPUs.
     * </ul>
     */
    public static CpuCounts of(List<SysfsCpu> cpus, boolean numaNodes, CpuInfo cpuInfo) {
        int logical;
        if (cpus.isEmpty()) {
            logical = cpuInfo.processors();
        } else if (numaNodes) {
            logical = (int) cpus.stream().filter(c -> c.online() && c.hasTopology()).count();
        } else {
            logical = cpus.size();
        }

        int physical = cpuInfo.distinctCoreIds();
        int sockets = cpuInfo.distinctPhysicalIds();
        Set<String> corePairs = new HashSet<>();
        Set<String> packages = new HashSet<>();
        for (SysfsCpu cpu : cpus) {
            if (!cpu.online()) {
                continue;
            }
            String pkg = cpu.packageId() == null ? "0" : cpu.packageId();
            String core = cpu.coreId() == null ? "0" : cpu.coreId();
            corePairs.add(core + "_" + pkg);
            packages.add(pkg);
        }
        if (physical == 0) {
            physical = corePairs.size();
        }
        if (sockets == 0) {
            sockets = packages.size();
        }
        return new CpuCounts(logical, physical, sockets);
    }
}
