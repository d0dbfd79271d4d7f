/**
 * Tests of the systemd units in {@code systemd/units/} and their environment files in
 * {@code systemd/env/}, against the real tools a user and a packager run: {@code systemd-analyze
 * verify} on a test root that holds the repository's launchers as {@code /usr/bin/vigil-*}
 * ({@link dev.vigil.systemd.VerifyRoot}), {@code systemd-analyze security --offline=true} with the
 * exposure the README states, every fixed and suggested flag against the binary's own
 * {@code --help}, and every system call a binary makes (traced with {@code strace}) against the
 * unit's {@code SystemCallFilter=}. {@link dev.vigil.systemd.UnitFile} reads a unit as systemd
 * does for the keys we use; {@link dev.vigil.systemd.Binaries} starts the binaries from this
 * module's test class path. No production code lives here: the module's content is plain files.
 */
package dev.vigil.systemd;
