package dev.vigil.alerting.am;

import java.util.List;

/**
 * An alert's status as API v2 reports it: "active", or "suppressed" with the ids of the silences
 * and the fingerprints of the alerts that mute it.
 */
public record AlertStatus(String state, List<String> silencedBy, List<String> inhibitedBy) {
    public AlertStatus {
        silencedBy = List.copyOf(silencedBy);
        inhibitedBy = List.copyOf(inhibitedBy);
    }
}
