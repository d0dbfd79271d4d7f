package dev.vigil.container.runtime;

import java.io.IOException;

/** A runtime's API or state could not be read; {@link #kind()} groups errors for counting and logging once. */
public final class RuntimeApiException extends IOException {

    /** What went wrong, coarse enough to log once per kind. */
    public enum Kind {
        /** No socket file where one was expected: the runtime is not installed or not running. */
        ABSENT,
        /** The socket exists but nothing accepts on it (daemon stopped, stale socket). */
        REFUSED,
        /** The socket is not ours to open (the exporter lacks permission). */
        DENIED,
        /** No complete answer within the timeout. */
        TIMEOUT,
        /** The answer is not well-formed HTTP/1.1. */
        PROTOCOL,
        /** A non-2xx status other than 404. */
        STATUS,
        /** The body or a state file is not the JSON expected. */
        BAD_JSON,
        /** Any other I/O error. */
        IO
    }

    private final Kind kind;

    public RuntimeApiException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public RuntimeApiException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
