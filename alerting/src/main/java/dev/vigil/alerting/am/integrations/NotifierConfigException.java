package dev.vigil.alerting.am.integrations;

/**
 * A config error found while building notifiers: a {@code templates:} file that cannot be
 * read or parsed, or an integration whose files (TLS material, proxy URL) are unusable. The
 * message names the file or integration and says why, never a secret.
 */
public final class NotifierConfigException extends Exception {
    private final String file;

    public NotifierConfigException(String file, String reason, Throwable cause) {
        super(file.isEmpty() ? reason : file + ": " + reason, cause);
        this.file = file;
    }

    /** The file at fault, or "" when the error is not about one file. */
    public String file() {
        return file;
    }
}
