package dev.vigil.alerting.am.notify;

/** A notification that was not delivered; {@link #retryable()} says whether trying again may help. */
public final class NotifyException extends Exception {
    private final boolean retryable;

    public NotifyException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public NotifyException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
