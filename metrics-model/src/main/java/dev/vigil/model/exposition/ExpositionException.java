package dev.vigil.model.exposition;

/** An exposition that does not parse; the message is the one Prometheus reports for the target. */
public final class ExpositionException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExpositionException(String message) {
        super(message, null, false, false);
    }
}
