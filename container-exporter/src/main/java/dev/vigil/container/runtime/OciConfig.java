package dev.vigil.container.runtime;

import java.util.Map;

/** The parts of an OCI runtime spec ({@code config.json}) the exporter reads: its annotations. */
final class OciConfig {
    private OciConfig() {
    }

    /** The {@code annotations} object; empty when there is none. */
    static Map<String, String> annotations(byte[] configJson) throws RuntimeApiException {
        return Json.stringMap(Json.read(configJson), "annotations");
    }
}
