package dev.vigil.container;

import dev.vigil.container.collector.ContainerCollector;
import dev.vigil.container.collector.LabelScheme;
import dev.vigil.container.collector.MachineCollector;
import dev.vigil.container.collector.MetricKind;
import dev.vigil.container.runtime.RuntimeFlags;
import dev.vigil.container.runtime.RuntimeOptions;
import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorContext;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.flags.Flag;
import dev.vigil.exporter.flags.FlagSet;
import dev.vigil.exporter.log.Log;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The container exporter's collectors, {@code container} and {@code machine}. Standalone they run
 * by default; the node exporter hosts the same collectors, off unless {@code --collector.container}
 * / {@code --collector.machine} turn them on, with the same flags.
 */
public final class ContainerCollectors {
    private static final Log LOG = Log.get(ContainerCollectors.class);

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
        private Flag<String> disableMetrics;
        private Flag<String> enableMetrics;
        private Flag<Boolean> dockerOnly;
        private Flag<String> rawPrefixes;

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
            disableMetrics = flags.string("disable_metrics",
                    "Comma-separated metric kinds not to export (cAdvisor's flag and names: cpu, percpu, memory, cpuLoad, "
                            + "diskIO, network, process, oom_event, pressure, ...).", MetricKind.DEFAULT_DISABLED);
            enableMetrics = flags.string("enable_metrics",
                    "Comma-separated metric kinds to export; when given, overrides disable_metrics (cAdvisor's "
                            + "flag). The kubelet's set: " + MetricKind.KUBELET + ".", "");
            dockerOnly = flags.bool("docker_only",
                    "Only the root cgroup and the runtimes' containers (Docker, Podman, containerd, CRI-O), no raw cgroups "
                            + "such as systemd units and slices (cAdvisor's flag).", false);
            rawPrefixes = flags.string("raw_cgroup_prefix_whitelist",
                    "Comma-separated cgroup path prefixes exported even with --docker_only (cAdvisor's flag), e.g. "
                            + "/system.slice/.", "");
        }

        @Override
        public Collector create(CollectorContext context) {
            RuntimeOptions options = runtime.options();
            Set<MetricKind> kinds = kinds();
            return new ContainerCollector(context.paths(), options.resolver(context.paths()),
                    new ContainerCollector.Options(LabelScheme.named(scheme.get()), kinds, options.labelPolicy(),
                            dockerOnly.get(), Arrays.stream(rawPrefixes.get().split(",")).map(String::strip)
                                    .filter(p -> !p.isEmpty()).toList()));
        }

        private Set<MetricKind> kinds() {
            Set<MetricKind> kinds;
            try {
                kinds = MetricKind.enabled(disableMetrics.get(), enableMetrics.get());
            } catch (IllegalArgumentException e) {
                String flag = enableMetrics.get().isBlank() ? "--disable_metrics" : "--enable_metrics";
                throw new IllegalArgumentException(flag + ": " + e.getMessage(), e);
            }
            LOG.info("Container metric kinds", "enabled", MetricKind.names(kinds));
            Set<MetricKind> nothing = kinds.stream().filter(k -> !k.implemented())
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(MetricKind.class)));
            if (!enableMetrics.get().isBlank() && !nothing.isEmpty()) {
                // Accepted so a cAdvisor command line works, but the user asked for them by name: say so once.
                LOG.warn("Metric kinds enabled that this exporter does not implement; they export nothing",
                        "kinds", MetricKind.names(nothing));
            }
            return kinds;
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
