/**
 * The collectors: cAdvisor's {@code container_*} and {@code machine_*} families, names, help,
 * labels and units as in {@code docs/cadvisor-families.md}, from cgroup stats and runtime
 * metadata.
 */
package dev.vigil.container.collector;
