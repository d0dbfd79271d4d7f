package dev.vigil.alerting.am.silence;

/** A silence that cannot be stored or changed; the message is Alertmanager 0.25's. */
public final class SilenceException extends Exception {
    public SilenceException(String message) {
        super(message);
    }

    public SilenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
