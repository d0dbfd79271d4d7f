package dev.vigil.alerting.am.nflog;

import java.time.Instant;
import java.util.Set;

/**
 * The last notification sent for one group to one integration: which alerts were firing and
 * which resolved (by fingerprint), when, and when the entry may be forgotten.
 */
public record LogEntry(String groupKey, ReceiverKey receiver, Set<Long> firing, Set<Long> resolved,
                       Instant timestamp, Instant expiresAt) {
    public LogEntry {
        firing = Set.copyOf(firing);
        resolved = Set.copyOf(resolved);
    }

    /** Whether every alert of {@code subset} was firing in this notification. */
    public boolean isFiringSubset(Set<Long> subset) {
        return firing.containsAll(subset);
    }

    /** Whether every alert of {@code subset} was already reported resolved. */
    public boolean isResolvedSubset(Set<Long> subset) {
        return resolved.containsAll(subset);
    }
}
