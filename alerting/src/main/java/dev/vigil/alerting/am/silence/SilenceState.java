package dev.vigil.alerting.am.silence;

/** A silence's state, lower-case as the API prints it. */
public enum SilenceState {
    PENDING, ACTIVE, EXPIRED;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
