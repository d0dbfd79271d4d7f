/**
 * Checks of the built .deb and .rpm files, run by failsafe after the package phase: lintian and
 * rpmlint, the control data and file lists, an {@code rpm --root} install, and the install,
 * upgrade, remove and purge cycle of each .deb in a clean Debian container.
 */
package dev.vigil.packaging;
