package dev.vigil.jvm;

import dev.vigil.exporter.app.ExporterApp;
import dev.vigil.exporter.app.ExporterSpec;

/** {@code vigil-jvm-exporter}: every HotSpot JVM on the host, read from its perf data, on :9102 by default. */
public final class JvmExporterMain {
    private JvmExporterMain() {
    }

    /** The JVM exporter's identity and collectors. */
    public static ExporterSpec spec() {
        return new ExporterSpec("vigil-jvm-exporter", "jvm_exporter", "jvm", "JVM Exporter",
                "Vigil JVM exporter: client_java's jvm_* metrics for every HotSpot JVM on the host, read from "
                        + "hsperfdata without attaching.",
                ":9102", JvmCollectors.all());
    }

    public static void main(String[] args) {
        System.exit(ExporterApp.main(spec(), args));
    }
}
