/**
 * Pure readers of configuration files under {@code --path.rootfs} ({@code etc/os-release}, {@code
 * etc/selinux/config}): text in, records out, no I/O.
 */
package dev.vigil.node.rootfs;
