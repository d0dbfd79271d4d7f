package dev.vigil.container.collector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * cAdvisor's metric kinds, the names its {@code -disable_metrics} and {@code -enable_metrics} flags
 * take ({@code docs/cadvisor-families.md} section 1). Each family belongs to one kind; a disabled
 * kind's families are not written and its files not read. Kinds cAdvisor has and this exporter
 * does not implement are accepted (a flag value that works for cAdvisor works here) and export
 * nothing.
 */
public enum MetricKind {
    CPU("cpu", true),
    PERCPU("percpu", true),
    SCHED("sched", false),
    MEMORY("memory", true),
    MEMORY_NUMA("memory_numa", false),
    CPU_LOAD("cpuLoad", true),
    DISK_IO("diskIO", true),
    DISK("disk", true),
    NETWORK("network", true),
    TCP("tcp", false),
    ADVTCP("advtcp", false),
    UDP("udp", false),
    ACCELERATOR("accelerator", false),
    APP("app", false),
    PROCESS("process", true),
    HUGETLB("hugetlb", false),
    PERF_EVENT("perf_event", false),
    REFERENCED_MEMORY("referenced_memory", false),
    CPU_TOPOLOGY("cpu_topology", false),
    RESCTRL("resctrl", false),
    CPUSET("cpuset", false),
    OOM_EVENT("oom_event", true),
    PRESSURE("pressure", true);

    /**
     * Standalone cAdvisor's {@code -disable_metrics} default: the costly or niche kinds. {@code process}
     * is among them: counting sockets means reading the link of every open file descriptor of every
     * process in every container.
     */
    public static final String DEFAULT_DISABLED =
            "advtcp,cpu_topology,cpuset,hugetlb,memory_numa,process,referenced_memory,resctrl,sched,tcp,udp";

    /** The set the kubelet's {@code /metrics/cadvisor} serves (plus {@code pressure}, v2 only). */
    public static final String KUBELET = "cpu,memory,cpuLoad,diskIO,network,process,oom_event,pressure";

    private final String flagName;
    private final boolean implemented;

    MetricKind(String flagName, boolean implemented) {
        this.flagName = flagName;
        this.implemented = implemented;
    }

    /** The name in cAdvisor's flags ({@code cpuLoad}, {@code oom_event}). */
    public String flagName() {
        return flagName;
    }

    /** Whether this exporter has families of this kind. */
    public boolean implemented() {
        return implemented;
    }

    /** The kind of this name, as cAdvisor spells it (case-insensitive). */
    public static MetricKind named(String name) {
        for (MetricKind kind : values()) {
            if (kind.flagName.toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        List<String> names = new ArrayList<>();
        for (MetricKind kind : values()) {
            names.add(kind.flagName);
        }
        throw new IllegalArgumentException("unsupported metric \"" + name.strip() + "\"; known: "
                + String.join(", ", names));
    }

    /** The kinds of a comma-separated list; empty items are skipped. */
    public static Set<MetricKind> list(String commaSeparated) {
        Set<MetricKind> kinds = EnumSet.noneOf(MetricKind.class);
        for (String item : commaSeparated.split(",")) {
            if (!item.isBlank()) {
                kinds.add(named(item));
            }
        }
        return kinds;
    }

    /**
     * The enabled kinds as cAdvisor decides them: {@code enable} when given (it overrides
     * {@code disable}), else every kind but {@code disable}'s.
     *
     * @param enable the {@code --enable_metrics} value, blank when not given
     * @throws IllegalArgumentException for a name cAdvisor does not know
     */
    public static Set<MetricKind> enabled(String disable, String enable) {
        if (!enable.isBlank()) {
            return list(enable);
        }
        Set<MetricKind> all = EnumSet.allOf(MetricKind.class);
        all.removeAll(list(disable));
        return all;
    }

    /** The names of {@code kinds}, in cAdvisor's order. */
    public static String names(Set<MetricKind> kinds) {
        return String.join(",", Arrays.stream(values()).filter(kinds::contains).map(MetricKind::flagName).toList());
    }
}
