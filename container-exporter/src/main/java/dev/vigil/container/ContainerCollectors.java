package dev.vigil.container;

import dev.vigil.container.collector.ContainerCollector;
import dev.vigil.container.collector.LabelScheme;
import dev.vigil.container.collector.MachineCollector;
import dev.vigil.container.runtime.RuntimeFlags;
import dev.vigil.container.runtime.RuntimeOptions;
import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorContext;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.flags.Flag;
import dev.vigil.exporter.flags.FlagSet;
import java.util.List;

/**
 * The container exporter's collectors, {@code container} and {@code machine}. Standalone they run
 * by default; the node exporter hosts the same collectors, off unless {@code --collector.container}
 * / {@code --collector.machine} turn them on, with the same flags.
 */
public final class ContainerCollectors {
    private ContainerCollectors() {
    }

    /** For {@code vigil-container-exporter}: both collectors on by default. */
    public static List<CollectorFactory> all() {
        return List.of(new ContainerFactory(true), new MachineFactory(true));
    }

    /** For the node exporter: both collectors off unless asked for. */
    public static List<CollectorFactory> hosted() {
        return List.of(new ContainerFactory(false), new MachineFactory(false));
    }

    private static final class ContainerFactory implements CollectorFactory {
        private final boolean enabledByDefault;
        private RuntimeFlags runtime;
        private Flag<String> scheme;
        private Flag<Boolean> perCpu;

        ContainerFactory(boolean enabledByDefault) {
            this.enabledByDefault = enabledByDefault;
        }

        @Override
        public String name() {
            return "container";
        }

        @Override
        public boolean enabledByDefault() {
            return enabledByDefault;
        }

        @Override
        public void defineFlags(FlagSet flags) {
            runtime = RuntimeFlags.define(flags);
            scheme = flags.choice("collector.container.label-scheme",
                    "Base labels of container samples: cadvisor (id, name, image, container_label_*) or kubelet "
                            + "(id, name, image, pod, namespace, container).", "cadvisor", List.of("cadvisor", "kubelet"));
            perCpu = flags.bool("collector.container.percpu",
                    "Per-CPU container_cpu_usage_seconds_total{cpu=\"cpuNN\"} where cgroup v1 accounts it; off: one "
                            + "cpu=\"total\" series, as the kubelet exposes.", true);
        }

        @Override
        public Collector create(CollectorContext context) {
            RuntimeOptions options = runtime.options();
            return new ContainerCollector(context.paths(), options.resolver(context.paths()),
                    new ContainerCollector.Options(LabelScheme.named(scheme.get()), perCpu.get(), options.labelPolicy()));
        }
    }

    private static final class MachineFactory implements CollectorFactory {
        private final boolean enabledByDefault;

        MachineFactory(boolean enabledByDefault) {
            this.enabledByDefault = enabledByDefault;
        }

        @Override
        public String name() {
            return "machine";
        }

        @Override
        public boolean enabledByDefault() {
            return enabledByDefault;
        }

        @Override
        public Collector create(CollectorContext context) {
            return new MachineCollector(context.paths());
        }
    }
}
