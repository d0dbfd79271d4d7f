/**
 * systemd over D-Bus for the systemd collector: {@link dev.vigil.node.systemd.SystemdBus} holds the
 * one long-lived connection and does all the I/O; {@link dev.vigil.node.systemd.Unit},
 * {@link dev.vigil.node.systemd.SystemdVersion} and {@link dev.vigil.node.systemd.UnitSelection}
 * are pure, so tests feed them replies captured from several systemd versions.
 */
package dev.vigil.node.systemd;
