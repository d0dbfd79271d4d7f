package dev.vigil.alerting.rules;

import dev.vigil.model.Labels;
import java.util.Map;

/**
 * One alert of an alerting rule, as Prometheus 2.42 tracks it: its labels (the rule's labels
 * expanded, {@code alertname} set), expanded annotations, state and the times that drive it.
 * Times in milliseconds; 0 means "not yet" (except {@code lastSentAt}).
 */
public final class Alert {
    /** Prometheus' alert states, spelled as the API and {@code ALERTS{alertstate}} spell them. */
    public enum State {
        INACTIVE("inactive"), PENDING("pending"), FIRING("firing");

        private final String text;

        State(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    final Labels labels;
    volatile Map<String, String> annotations;
    volatile State state = State.PENDING;
    volatile double value;
    volatile long activeAt;
    volatile long firedAt;
    volatile long resolvedAt;
    /** Never sent: far enough in the past that the first send is always due. */
    volatile long lastSentAt = Long.MIN_VALUE / 2;
    volatile long keepFiringSince;
    volatile long validUntil;

    Alert(Labels labels, Map<String, String> annotations, long activeAt, double value) {
        this.labels = labels;
        this.annotations = annotations;
        this.activeAt = activeAt;
        this.value = value;
    }

    public Labels labels() {
        return labels;
    }

    public Map<String, String> annotations() {
        return annotations;
    }

    public State state() {
        return state;
    }

    public double value() {
        return value;
    }

    public long activeAt() {
        return activeAt;
    }

    public long firedAt() {
        return firedAt;
    }

    public long resolvedAt() {
        return resolvedAt;
    }

    public long validUntil() {
        return validUntil;
    }

    /** Prometheus' {@code needsSending}: firing alerts every resend delay, resolved ones once. */
    boolean needsSending(long ts, long resendDelay) {
        if (state == State.PENDING) {
            return false;
        }
        if (resolvedAt > lastSentAt) {
            return true;
        }
        return lastSentAt + resendDelay < ts;
    }
}
