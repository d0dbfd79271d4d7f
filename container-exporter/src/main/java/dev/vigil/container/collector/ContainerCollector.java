package dev.vigil.container.collector;

import dev.vigil.container.cgroup.CgroupMode;
import dev.vigil.container.cgroup.CgroupMounts;
import dev.vigil.container.cgroup.CgroupStats;
import dev.vigil.container.cgroup.CgroupStatsReader;
import dev.vigil.container.cgroup.CgroupTree;
import dev.vigil.container.cgroup.StatsSelection;
import dev.vigil.container.proc.CgroupStartTime;
import dev.vigil.container.proc.DeviceNamer;
import dev.vigil.container.proc.InterfaceStats;
import dev.vigil.container.proc.NetworkReader;
import dev.vigil.container.proc.ProcessCounter;
import dev.vigil.container.runtime.ContainerId;
import dev.vigil.container.runtime.ContainerLabels;
import dev.vigil.container.runtime.ContainerMetadata;
import dev.vigil.container.runtime.KubernetesRef;
import dev.vigil.container.runtime.MetadataResolver;
import dev.vigil.container.runtime.Runtime;
import dev.vigil.exporter.Collector;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.exporter.log.Log;
import dev.vigil.exporter.self.BuildInfo;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * cAdvisor's container families for every cgroup of the host (runtime containers, systemd units,
 * slices and the root {@code /}), named through the runtimes' metadata. Everything is read at
 * scrape time, so samples carry no timestamps of their own (cAdvisor stamps them because it
 * serves values cached by its housekeeping).
 */
public final class ContainerCollector implements Collector {
    private static final Log LOG = Log.get(ContainerCollector.class);
    private static final Desc SCRAPE_ERROR = Desc.gauge("container_scrape_error",
            "1 if there was an error while getting container metrics, 0 otherwise");
    private static final Desc VERSION_INFO = Desc.gauge("cadvisor_version_info",
            "A metric with a constant '1' value labeled by kernel version, OS version, docker version, cadvisor "
                    + "version & cadvisor revision.", "cadvisorRevision", "cadvisorVersion", "dockerVersion",
            "kernelVersion", "osVersion");
    private static final BuildInfo BUILD = BuildInfo.current();

    /**
     * How the collector is set up.
     *
     * @param scheme the base labels
     * @param kinds the enabled metric kinds
     * @param labelPolicy which runtime labels become {@code container_label_*}
     * @param runtimeOnly cAdvisor's {@code --docker_only}: only the root and the runtimes' containers,
     *     no raw cgroups (slices, units, pod cgroups) unless under one of {@code rawPrefixes}
     * @param rawPrefixes cAdvisor's {@code --raw_cgroup_prefix_whitelist}
     */
    public record Options(LabelScheme scheme, Set<MetricKind> kinds, ContainerLabels.Policy labelPolicy,
            boolean runtimeOnly, List<String> rawPrefixes) {
        public Options {
            kinds = kinds.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(kinds));
            rawPrefixes = List.copyOf(rawPrefixes);
        }

        /** Every cgroup, as cAdvisor's defaults. */
        public Options(LabelScheme scheme, Set<MetricKind> kinds, ContainerLabels.Policy labelPolicy) {
            this(scheme, kinds, labelPolicy, false, List.of());
        }

        /** Whether a cgroup is exported: always without {@code runtimeOnly}; else the root, runtime containers, listed prefixes. */
        boolean exported(String cgroup, Optional<ContainerMetadata> meta) {
            if (!runtimeOnly || cgroup.equals("/") || meta.filter(m -> m.runtime() != Runtime.SYSTEMD).isPresent()) {
                return true;
            }
            for (String prefix : rawPrefixes) {
                if (cgroup.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }

        boolean has(MetricKind kind) {
            return kinds.contains(kind);
        }

        /** The cgroup files these kinds need. */
        StatsSelection selection() {
            return new StatsSelection(has(MetricKind.CPU), has(MetricKind.CPU) && has(MetricKind.PERCPU), false,
                    has(MetricKind.MEMORY) || has(MetricKind.OOM_EVENT), has(MetricKind.DISK_IO),
                    has(MetricKind.PROCESS), has(MetricKind.PRESSURE));
        }
    }

    private final CgroupMounts mounts;
    private final CgroupTree tree;
    private final CgroupStatsReader reader;
    private final MetadataResolver resolver;
    private final Options options;
    private final StatsSelection selection;
    private final NetworkReader network;
    private final ProcessCounter processes;
    private final CgroupStartTime startTimes;
    private final HostFacts.Source hostFacts;
    private final FilesystemSamples filesystemSamples;
    private final Clock clock;

    public ContainerCollector(HostPaths paths, MetadataResolver resolver, Options options) {
        this(paths, resolver, options, Clock.systemUTC());
    }

    /** As above, reading "now" (last seen, raw cgroups' start times) from {@code clock}: tests fix it. */
    public ContainerCollector(HostPaths paths, MetadataResolver resolver, Options options, Clock clock) {
        this.clock = clock;
        this.mounts = CgroupMounts.discover(paths);
        this.tree = new CgroupTree(mounts);
        this.reader = CgroupStatsReader.of(mounts, paths);
        this.resolver = resolver;
        this.options = options;
        this.selection = options.selection();
        this.network = new NetworkReader(paths);
        this.processes = new ProcessCounter(paths);
        this.startTimes = new CgroupStartTime(paths);
        this.hostFacts = new HostFacts.Source(paths, resolver,
                options.has(MetricKind.DISK) || options.has(MetricKind.DISK_IO));
        this.filesystemSamples = new FilesystemSamples(paths, options.has(MetricKind.DISK),
                options.has(MetricKind.DISK_IO));
    }

    @Override
    public String name() {
        return "container";
    }

    private record Container(CgroupStats stats, LabelScheme.Row row) {
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        List<String> cgroups;
        try {
            cgroups = tree.list();
        } catch (IOException | RuntimeException e) {
            sink.add(SCRAPE_ERROR, 1);
            throw e;
        }
        List<Container> containers;
        try {
            containers = read(cgroups);
        } finally {
            reader.endScrape(); // files of cgroups gone since the last scrape are closed
        }
        if (options.scheme() == LabelScheme.KUBELET) {
            containers = namePodCgroups(containers);
        }
        List<String> baseNames = options.scheme().names(containers.stream().map(Container::row).toList());
        Emitter out = new Emitter(sink, baseNames);
        Instant now = clock.instant();
        HostFacts host = hostFacts.get(now);
        FilesystemSamples.Scrape fs = filesystemSamples.start(host, dockerContainerIds(containers));
        for (Container c : containers) {
            String[] base = options.scheme().values(baseNames, c.row());
            emit(out, c, base, host.devices(), host.memTotal(), host.swapTotal(), now);
            fs.emit(out, base, c.row(), c.stats());
        }
        sink.add(VERSION_INFO, 1, BUILD.revision(), BUILD.version(), host.dockerVersion(), host.kernelVersion(),
                host.osVersion());
        sink.add(SCRAPE_ERROR, 0);
    }

    /** The ids of the Docker containers among {@code containers}: their writable layers are measured. */
    private static Set<String> dockerContainerIds(List<Container> containers) {
        Set<String> ids = new HashSet<>();
        for (Container c : containers) {
            c.row().meta().filter(m -> m.runtime() == Runtime.DOCKER).ifPresent(m -> ids.add(m.id()));
        }
        return ids;
    }

    /** The stats and labels of the cgroups to export (one removed since the listing is skipped). */
    private List<Container> read(List<String> cgroups) throws IOException {
        List<Container> containers = new ArrayList<>(cgroups.size());
        for (String cgroup : cgroups) {
            Optional<ContainerMetadata> meta = resolver.resolve(cgroup);
            if (!options.exported(cgroup, meta)) {
                continue;
            }
            CgroupStats stats;
            try {
                stats = reader.read(cgroup, selection);
            } catch (NoSuchFileException gone) {
                continue; // removed since the listing: churn, not an error
            }
            containers.add(new Container(stats, options.scheme().row(cgroup, meta, options.labelPolicy())));
        }
        return containers;
    }

    /**
     * Pod cgroups named as the kubelet names them: {@code pod} and {@code namespace} of the pod, taken
     * from any of its containers the runtimes know (the kubelet asks its pod manager; the exporter has
     * only the runtimes). A pod none of whose containers is known keeps only {@code id}.
     */
    private static List<Container> namePodCgroups(List<Container> containers) {
        Map<String, KubernetesRef> pods = new HashMap<>();
        for (Container c : containers) {
            c.row().kubernetes().filter(k -> !k.podUid().isEmpty()).ifPresent(k -> pods.putIfAbsent(k.podUid(), k));
        }
        if (pods.isEmpty()) {
            return containers;
        }
        List<Container> named = new ArrayList<>(containers.size());
        for (Container c : containers) {
            Optional<KubernetesRef> pod = c.row().meta().isPresent() ? Optional.empty()
                    : ContainerId.podCgroupUid(c.row().id()).map(pods::get);
            named.add(pod.isPresent() ? new Container(c.stats(), c.row().withPod(pod.get())) : c);
        }
        return named;
    }

    private void emit(Emitter out, Container c, String[] base, DeviceNamer devices, long memTotal, long swapTotal,
            Instant now) {
        String id = c.row().id();
        boolean root = id.equals("/");
        CgroupStats s = c.stats();
        out.add(Families.LAST_SEEN, now.getEpochSecond(), base);
        out.add(Families.HEALTH_STATE, health(c.row().meta()), base);
        ContainerSamples.spec(out, s, startSeconds(c, now), base, memTotal, swapTotal, root,
                mounts.mode() == CgroupMode.V2);
        if (options.has(MetricKind.CPU)) {
            ContainerSamples.cpu(out, s, options.has(MetricKind.PERCPU), base);
        }
        if (options.has(MetricKind.CPU_LOAD)) {
            ContainerSamples.cpuLoad(out, base);
        }
        if (options.has(MetricKind.MEMORY)) {
            ContainerSamples.memory(out, s, base);
        }
        if (options.has(MetricKind.OOM_EVENT)) {
            ContainerSamples.oomEvents(out, s, base);
        }
        if (options.has(MetricKind.DISK_IO)) {
            ContainerSamples.blockIo(out, s, devices, base);
        }
        if (options.has(MetricKind.NETWORK)) {
            ContainerSamples.network(out, interfaces(c, root), base);
        }
        if (options.has(MetricKind.PROCESS)) {
            s.processes().ifPresent(pids -> ContainerSamples.processes(out, s,
                    processes.count(pids, s.pids().max().orElse(0)), base));
            rootPid(c, root).ifPresent(pid -> processes.maxOpenFilesSoft(pid)
                    .ifPresent(limit -> out.add(Families.ULIMITS_SOFT, limit, base, "max_open_files")));
        }
        if (options.has(MetricKind.PRESSURE)) {
            ContainerSamples.pressure(out, s, base);
        }
    }

    /** cAdvisor's health value: 1 healthy, 0 starting or unhealthy, -1 no health check (and every raw cgroup). */
    static int health(Optional<ContainerMetadata> meta) {
        Optional<String> status = meta.flatMap(ContainerMetadata::health);
        if (status.isEmpty()) {
            return -1;
        }
        return status.get().equals("healthy") ? 1 : 0;
    }

    /** The runtime's start time when it knows one, else the cgroup directories' (spec 3.1). */
    private Optional<Double> startSeconds(Container c, Instant now) {
        Optional<Instant> runtime = c.row().meta().flatMap(ContainerMetadata::startTime);
        if (runtime.isPresent()) {
            return runtime.map(t -> (double) t.getEpochSecond());
        }
        String relative = c.row().id().substring(1);
        List<Path> dirs = new ArrayList<>();
        if (mounts.mode() == CgroupMode.V2) {
            mounts.unified().ifPresent(u -> dirs.add(relative.isEmpty() ? u : u.resolve(relative)));
        } else {
            for (Path hierarchy : mounts.v1Hierarchies()) {
                dirs.add(relative.isEmpty() ? hierarchy : hierarchy.resolve(relative));
            }
        }
        try {
            return startTimes.startTime(dirs, mounts.mode() == CgroupMode.V2, now).map(t -> (double) t.getEpochSecond());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The container's main process on the host: PID 1 for the root, the runtime's PID for its containers. */
    private static OptionalLong rootPid(Container c, boolean root) {
        if (root) {
            return OptionalLong.of(1);
        }
        return c.row().meta().map(ContainerMetadata::pid).orElse(OptionalLong.empty());
    }

    /** The network interfaces of a container that owns its namespace (the root: PID 1's). */
    private List<InterfaceStats> interfaces(Container c, boolean root) {
        OptionalLong rootPid = rootPid(c, root);
        boolean owns = root || c.row().meta().map(ContainerMetadata::ownsNetwork).orElse(false);
        if (!owns || rootPid.isEmpty()) {
            return List.of();
        }
        long pid = rootPid.getAsLong();
        try {
            return network.read(pid).orElse(List.of());
        } catch (IOException e) {
            return List.of(); // the process went away or its namespace is not ours to read
        }
    }
}
