/**
 * Silences as Alertmanager 0.25's {@code silence/silence.go}: a silence mutes alerts whose labels
 * satisfy all its matchers while it is active (startsAt <= now <= endsAt). Updates follow
 * Alertmanager's rules (matchers never change in place; an active silence keeps its start; a change
 * that is not allowed expires the old silence and creates a new one with a new id). Expired
 * silences are dropped after the retention period. The set is persisted to one file, replaced
 * atomically (temp file, fsync, rename), and read back on start.
 */
package dev.vigil.alerting.am.silence;
