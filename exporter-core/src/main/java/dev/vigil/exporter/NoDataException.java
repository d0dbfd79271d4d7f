package dev.vigil.exporter;

import java.io.IOException;

/** Thrown by a collector that has nothing to report on this host (node_exporter's ErrNoData). */
public final class NoDataException extends IOException {
    public NoDataException(String message) {
        super(message);
    }
}
