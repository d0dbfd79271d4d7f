package dev.vigil.exporter.flags;

/** A command line the exporter cannot run with; the message is shown to the user as is. */
public final class FlagException extends Exception {
    public FlagException(String message) {
        super(message);
    }
}
