package dev.vigil.jvm.perfdata;

import java.io.IOException;

/** The bytes are not HotSpot perf data, or not a whole one: wrong magic, unknown version, an entry past the end. */
public final class MalformedPerfDataException extends IOException {
    public MalformedPerfDataException(String message) {
        super(message);
    }
}
