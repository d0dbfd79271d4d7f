package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorContext;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.flags.FlagSet;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.Ipvs;
import dev.vigil.node.procfs.NetDev;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * IP Virtual Server totals from {@code /proc/net/ip_vs_stats} and per real server gauges from
 * {@code /proc/net/ip_vs}. {@code --collector.ipvs.backend-labels} picks the labels; servers with
 * the same label values are summed. No {@code ip_vs_stats} means IPVS is not loaded: no data.
 */
public final class IpvsCollector implements Collector {
    public static final CollectorFactory FACTORY = new Factory();

    /** Every backend label, in the order node_exporter gives them whatever the flag's order. */
    static final List<String> ALL_LABELS = List.of("local_address", "local_port", "remote_address", "remote_port",
            "proto", "local_mark");

    private static final Desc CONNECTIONS = Desc.counter("node_ipvs_connections_total",
            "The total number of connections made.");
    private static final Desc INCOMING_PACKETS = Desc.counter("node_ipvs_incoming_packets_total",
            "The total number of incoming packets.");
    private static final Desc OUTGOING_PACKETS = Desc.counter("node_ipvs_outgoing_packets_total",
            "The total number of outgoing packets.");
    private static final Desc INCOMING_BYTES = Desc.counter("node_ipvs_incoming_bytes_total",
            "The total amount of incoming data.");
    private static final Desc OUTGOING_BYTES = Desc.counter("node_ipvs_outgoing_bytes_total",
            "The total amount of outgoing data.");

    private final HostPaths paths;
    private final List<String> labels;
    private final Desc active;
    private final Desc inactive;
    private final Desc weight;

    public IpvsCollector(HostPaths paths, List<String> labels) {
        this.paths = paths;
        this.labels = List.copyOf(labels);
        String[] names = labels.toArray(String[]::new);
        this.active = Desc.gauge("node_ipvs_backend_connections_active",
                "The current active connections by local and remote address.", names);
        this.inactive = Desc.gauge("node_ipvs_backend_connections_inactive",
                "The current inactive connections by local and remote address.", names);
        this.weight = Desc.gauge("node_ipvs_backend_weight",
                "The current backend weight by local and remote address.", names);
    }

    /**
     * The labels a {@code --collector.ipvs.backend-labels} value selects, in node_exporter's order.
     *
     * @throws IllegalArgumentException naming the unknown labels, sorted
     */
    static List<String> parseLabels(String value) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String label : value.split(",", -1)) {
            if (!label.isEmpty()) {
                wanted.add(label);
            }
        }
        List<String> labels = new ArrayList<>();
        for (String label : ALL_LABELS) {
            if (wanted.remove(label)) {
                labels.add(label);
            }
        }
        if (!wanted.isEmpty()) {
            throw new IllegalArgumentException("unknown IPVS backend labels: \"" + String.join(", ", new TreeSet<>(wanted))
                    + "\"");
        }
        return labels;
    }

    @Override
    public String name() {
        return "ipvs";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path statsFile = paths.proc("net", "ip_vs_stats");
        Ipvs.Stats stats;
        try {
            stats = Ipvs.parseStats(KernelFiles.read(statsFile));
        } catch (NoSuchFileException e) {
            throw new NoDataException("ipvs collector metrics are not available for this system");
        } catch (IllegalArgumentException e) {
            throw new IOException("could not get IPVS stats: " + statsFile + ": " + e.getMessage(), e);
        }
        sink.add(CONNECTIONS, NetDev.toDouble(stats.connections()));
        sink.add(INCOMING_PACKETS, NetDev.toDouble(stats.incomingPackets()));
        sink.add(OUTGOING_PACKETS, NetDev.toDouble(stats.outgoingPackets()));
        sink.add(INCOMING_BYTES, NetDev.toDouble(stats.incomingBytes()));
        sink.add(OUTGOING_BYTES, NetDev.toDouble(stats.outgoingBytes()));

        Path backendsFile = paths.proc("net", "ip_vs");
        List<Ipvs.Backend> backends;
        try {
            backends = Ipvs.parseBackends(KernelFiles.read(backendsFile));
        } catch (IllegalArgumentException e) {
            throw new IOException("could not get backend status: " + backendsFile + ": " + e.getMessage(), e);
        }
        Map<List<String>, long[]> sums = new LinkedHashMap<>();
        for (Ipvs.Backend backend : backends) {
            long[] sum = sums.computeIfAbsent(labelValues(backend), key -> new long[3]);
            sum[0] += backend.activeConn();
            sum[1] += backend.inactConn();
            sum[2] += backend.weight();
        }
        for (Map.Entry<List<String>, long[]> entry : sums.entrySet()) {
            String[] values = entry.getKey().toArray(String[]::new);
            long[] sum = entry.getValue();
            sink.add(active, NetDev.toDouble(sum[0]), values);
            sink.add(inactive, NetDev.toDouble(sum[1]), values);
            sink.add(weight, NetDev.toDouble(sum[2]), values);
        }
    }

    private List<String> labelValues(Ipvs.Backend backend) {
        List<String> values = new ArrayList<>(labels.size());
        for (String label : labels) {
            values.add(switch (label) {
                case "local_address" -> backend.localAddress();
                case "local_port" -> Integer.toString(backend.localPort());
                case "remote_address" -> backend.remoteAddress();
                case "remote_port" -> Integer.toString(backend.remotePort());
                case "proto" -> backend.proto();
                case "local_mark" -> backend.localMark();
                default -> throw new IllegalStateException(label);
            });
        }
        return values;
    }

    /** Registers ipvs with node_exporter's flag. */
    private static final class Factory implements CollectorFactory {
        private static final String LABELS = "collector.ipvs.backend-labels";

        @Override
        public String name() {
            return "ipvs";
        }

        @Override
        public boolean enabledByDefault() {
            return true;
        }

        @Override
        public void defineFlags(FlagSet flags) {
            flags.string(LABELS, "Comma separated list for IPVS backend stats labels.", String.join(",", ALL_LABELS));
        }

        @Override
        public Collector create(CollectorContext context) {
            return new IpvsCollector(context.paths(), parseLabels((String) context.flags().lookup(LABELS).get()));
        }
    }
}
