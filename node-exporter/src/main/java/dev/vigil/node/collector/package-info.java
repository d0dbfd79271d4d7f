/**
 * The node exporter's collectors, one file each, named as node_exporter names them ({@code
 * LoadavgCollector} is {@code --collector.loadavg}). Each holds its descriptors, its {@code FACTORY}
 * (name, default state, flags) and an {@code update} that reads files through {@code KernelFiles}
 * and hands their text to a pure reader in {@code procfs} or {@code sysfs}. A collector whose
 * hardware is absent throws {@code NoDataException}.
 */
package dev.vigil.node.collector;
