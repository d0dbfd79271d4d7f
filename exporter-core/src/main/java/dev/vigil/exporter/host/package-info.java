/**
 * {@link dev.vigil.exporter.host.HostPaths}: the roots under which collectors find the host's
 * procfs, sysfs, root filesystem and udev database ({@code --path.*}). Collectors get it through
 * their constructor and never name {@code /proc} or {@code /sys} themselves.
 */
package dev.vigil.exporter.host;
