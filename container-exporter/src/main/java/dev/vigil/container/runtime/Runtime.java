package dev.vigil.container.runtime;

import java.util.Locale;

/** Who runs the thing behind a cgroup; {@link #label()} is the lower-case name used in logs and tests. */
public enum Runtime {
    DOCKER,
    CONTAINERD,
    CRIO,
    PODMAN,
    /** A systemd unit (service, scope, slice, ...) that no container runtime claims. */
    SYSTEMD,
    /** Any other cgroup: the root, {@code /kubepods}, pod cgroups, conmon scopes. */
    RAW;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
