package dev.vigil.alerting.am.alert;

import dev.vigil.alerting.am.labels.LabelSets;
import dev.vigil.model.Labels;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An alert as Alertmanager holds it ({@code types.Alert}): labels, annotations, start and end,
 * the generator URL, when it was last received, and whether its end was set by the resolve
 * timeout rather than by the sender. Go's zero time is {@link #ZERO}. Immutable.
 */
public final class AmAlert {
    /** Go's zero {@code time.Time}, which Alertmanager prints for an unset end. */
    public static final Instant ZERO = Instant.parse("0001-01-01T00:00:00Z");

    private final Labels labels;
    private final Map<String, String> annotations;
    private final Instant startsAt;
    private final Instant endsAt;
    private final String generatorURL;
    private final Instant updatedAt;
    private final boolean timeout;
    private final long fingerprint;

    public AmAlert(Labels labels, Map<String, String> annotations, Instant startsAt, Instant endsAt,
            String generatorURL, Instant updatedAt, boolean timeout) {
        this.labels = Objects.requireNonNull(labels);
        this.annotations = annotations.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(annotations));
        this.startsAt = startsAt == null ? ZERO : startsAt;
        this.endsAt = endsAt == null ? ZERO : endsAt;
        this.generatorURL = generatorURL == null ? "" : generatorURL;
        this.updatedAt = updatedAt == null ? ZERO : updatedAt;
        this.timeout = timeout;
        this.fingerprint = LabelSets.fingerprint(labels);
    }

    public Labels labels() {
        return labels;
    }

    /** Sorted by name. */
    public Map<String, String> annotations() {
        return annotations;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public String generatorURL() {
        return generatorURL;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public boolean timeout() {
        return timeout;
    }

    /** Alertmanager's fingerprint of the labels. */
    public long fingerprint() {
        return fingerprint;
    }

    public String fingerprintString() {
        return LabelSets.fingerprintString(fingerprint);
    }

    /** {@code ResolvedAt}: the end is set and not after {@code t}. */
    public boolean resolvedAt(Instant t) {
        return !endsAt.equals(ZERO) && !endsAt.isAfter(t);
    }

    /** "firing" or "resolved" at {@code t}. */
    public String status(Instant t) {
        return resolvedAt(t) ? "resolved" : "firing";
    }

    public AmAlert withEndsAt(Instant end) {
        return new AmAlert(labels, annotations, startsAt, end, generatorURL, updatedAt, timeout);
    }

    public AmAlert withStartsAt(Instant start) {
        return new AmAlert(labels, annotations, start, endsAt, generatorURL, updatedAt, timeout);
    }

    /**
     * {@code Alert.Merge}: the younger alert (by update time) wins, keeping the earliest start; a
     * resolved alert keeps the latest explicit end when both are resolved; a firing one takes the
     * older end if that is later and was not set by the timeout.
     */
    public AmAlert merge(AmAlert o, Instant now) {
        if (o.updatedAt.isBefore(updatedAt)) {
            return o.merge(this, now);
        }
        Instant start = startsAt.isBefore(o.startsAt) ? startsAt : o.startsAt;
        Instant end = o.endsAt;
        if (o.resolvedAt(now)) {
            if (resolvedAt(now) && endsAt.isAfter(o.endsAt)) {
                end = endsAt;
            }
        } else if (endsAt.isAfter(o.endsAt) && !timeout) {
            end = endsAt;
        }
        return new AmAlert(o.labels, o.annotations, start, end, o.generatorURL, o.updatedAt, o.timeout);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AmAlert a && a.labels.equals(labels) && a.annotations.equals(annotations)
                && a.startsAt.equals(startsAt) && a.endsAt.equals(endsAt) && a.generatorURL.equals(generatorURL)
                && a.updatedAt.equals(updatedAt) && a.timeout == timeout;
    }

    @Override
    public int hashCode() {
        return Objects.hash(labels, startsAt, endsAt, updatedAt);
    }

    /** {@code Alert.String()}: the alert name and a short fingerprint, plus "[resolved]" when it is. */
    @Override
    public String toString() {
        String name = labels.get("alertname");
        return name + "[" + fingerprintString().substring(0, 7) + "]";
    }
}
