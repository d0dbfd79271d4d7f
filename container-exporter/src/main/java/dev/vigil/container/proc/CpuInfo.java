package dev.vigil.container.proc;

import java.util.HashSet;
import java.util.Set;

/**
 * What cAdvisor takes from {@code /proc/cpuinfo}: the distinct {@code core id} and
 * {@code physical id} values, plus the {@code processor} lines as our fallback for the logical
 * count. Architectures without these lines (many ARM kernels) give zero and the caller falls back
 * to sysfs.
 *
 * @param processors {@code processor} lines
 * @param distinctCoreIds distinct {@code core id} values across the whole file. cAdvisor counts these
 *     as {@code machine_cpu_physical_cores} without pairing them with the socket, so a two-socket
 *     machine with core ids 0..7 on each socket reports 8, not 16; kept for compatibility
 * @param distinctPhysicalIds distinct {@code physical id} values ({@code machine_cpu_sockets})
 */
public record CpuInfo(int processors, int distinctCoreIds, int distinctPhysicalIds) {

    /** Parses the file's text; lines it does not know are ignored. */
    public static CpuInfo parse(String content) {
        int processors = 0;
        Set<String> cores = new HashSet<>();
        Set<String> packages = new HashSet<>();
        for (String line : content.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "processor" -> processors++;
                // cAdvisor's regexes want digits only: "core id : 0".
                case "core id" -> addIfDigits(cores, value);
                case "physical id" -> addIfDigits(packages, value);
                default -> {
                }
            }
        }
        return new CpuInfo(processors, cores.size(), packages.size());
    }

    private static void addIfDigits(Set<String> set, String value) {
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            set.add(value);
        }
    }
}
