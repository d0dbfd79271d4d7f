package dev.vigil.jvm;

import dev.vigil.exporter.CollectorFactory;
import java.util.List;

/**
 * The JVM exporter's collectors. Standalone they run by default; the node exporter hosts the same
 * collectors, off unless {@code --collector.jvm} turns them on, with the same flags.
 */
public final class JvmCollectors {
    private JvmCollectors() {
    }

    /** For {@code vigil-jvm-exporter}: on by default. */
    public static List<CollectorFactory> all() {
        return List.of();
    }

    /** For the node exporter: off unless asked for. */
    public static List<CollectorFactory> hosted() {
        return List.of();
    }
}
