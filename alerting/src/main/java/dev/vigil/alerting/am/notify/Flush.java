package dev.vigil.alerting.am.notify;

import java.util.Set;

/**
 * The state one integration's branch of the pipeline carries: the group's context, and the
 * fingerprints of the firing and resolved alerts the dedup stage saw (which the log stage records).
 */
public final class Flush {
    private final NotifyContext ctx;
    private Set<Long> firing = Set.of();
    private Set<Long> resolved = Set.of();

    public Flush(NotifyContext ctx) {
        this.ctx = ctx;
    }

    public NotifyContext ctx() {
        return ctx;
    }

    public Set<Long> firing() {
        return firing;
    }

    public Set<Long> resolved() {
        return resolved;
    }

    void setAlerts(Set<Long> firing, Set<Long> resolved) {
        this.firing = firing;
        this.resolved = resolved;
    }
}
