package dev.vigil.alerting.am.labels;

/** A matcher that cannot be built or parsed; the message is worded as Alertmanager 0.25 words it. */
public final class MatcherException extends Exception {
    public MatcherException(String message) {
        super(message);
    }
}
