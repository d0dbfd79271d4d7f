package dev.vigil.container.proc;

/**
 * The machine facts behind cAdvisor's default {@code machine_*} families.
 *
 * @param cpus {@code machine_cpu_cores}, {@code _physical_cores}, {@code _sockets}
 * @param memoryBytes {@code machine_memory_bytes}: MemTotal × 1024
 * @param swapBytes {@code machine_swap_bytes}: SwapTotal × 1024 (0 when the line is missing)
 * @param ids the base labels
 */
public record MachineInfo(CpuCounts cpus, long memoryBytes, long swapBytes, MachineIds ids) {
}
