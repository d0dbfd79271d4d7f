package dev.vigil.alerting.am.config;

import java.util.Objects;

/** A password, token or secret URL: readable by code that needs it, never printed. */
public final class Secret {
    public static final Secret EMPTY = new Secret("");
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value);
    }

    public static Secret of(String value) {
        return value == null || value.isEmpty() ? EMPTY : new Secret(value);
    }

    /** The secret itself; callers must not log it. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Alertmanager shows secrets as {@code <secret>}; so do we, and an empty one as "". */
    @Override
    public String toString() {
        return value.isEmpty() ? "" : "<secret>";
    }
}
