package dev.vigil.jvm;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorContext;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.jvm.collector.HostJvmCollector;
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
        return List.of(new HostJvmFactory(true));
    }

    /** For the node exporter: off unless asked for. */
    public static List<CollectorFactory> hosted() {
        return List.of(new HostJvmFactory(false));
    }

    /** {@code jvm}: every HotSpot JVM on the host through its perf data; no flags of its own. */
    private record HostJvmFactory(boolean enabledByDefault) implements CollectorFactory {
        @Override
        public String name() {
            return "jvm";
        }

        @Override
        public Collector create(CollectorContext context) {
            return new HostJvmCollector(context.paths());
        }
    }
}
