package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.NfsClient;
import dev.vigil.node.procfs.Unsigned;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** The kernel NFS client's statistics from {@code /proc/net/rpc/nfs}. */
public final class NfsCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("nfs", true, context -> new NfsCollector(context.paths()));

    private static final Desc PACKETS = Desc.counter("node_nfs_packets_total",
            "Total NFSd network packets (sent+received) by protocol type.", "protocol");
    private static final Desc CONNECTIONS = Desc.counter("node_nfs_connections_total",
            "Total number of NFSd TCP connections.");
    private static final Desc RPCS = Desc.counter("node_nfs_rpcs_total", "Total number of RPCs performed.");
    private static final Desc RETRANSMISSIONS = Desc.counter("node_nfs_rpc_retransmissions_total",
            "Number of RPC transmissions performed.");
    private static final Desc AUTH_REFRESHES = Desc.counter("node_nfs_rpc_authentication_refreshes_total",
            "Number of RPC authentication refreshes performed.");
    private static final Desc REQUESTS = Desc.counter("node_nfs_requests_total", "Number of NFS procedures invoked.",
            "proto", "method");

    private final HostPaths paths;

    public NfsCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "nfs";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path file = paths.proc("net", "rpc", "nfs");
        NfsClient stats;
        try {
            stats = NfsClient.parse(KernelFiles.read(file));
        } catch (NoSuchFileException e) {
            throw new NoDataException("Not collecting NFS metrics: " + file + " does not exist");
        } catch (IllegalArgumentException e) {
            throw new IOException("failed to retrieve nfs stats: " + e.getMessage(), e);
        }
        sink.add(PACKETS, Unsigned.toDouble(stats.network()[1]), "udp");
        sink.add(PACKETS, Unsigned.toDouble(stats.network()[2]), "tcp");
        sink.add(CONNECTIONS, Unsigned.toDouble(stats.network()[3]));
        sink.add(RPCS, Unsigned.toDouble(stats.rpc()[0]));
        sink.add(RETRANSMISSIONS, Unsigned.toDouble(stats.rpc()[1]));
        sink.add(AUTH_REFRESHES, Unsigned.toDouble(stats.rpc()[2]));
        procedures(sink, "2", NfsClient.V2_PROCEDURES, stats.v2());
        procedures(sink, "3", NfsClient.V3_PROCEDURES, stats.v3());
        procedures(sink, "4", NfsClient.V4_PROCEDURES, stats.v4());
    }

    private static void procedures(MetricSink sink, String proto, List<String> names, long[] values) {
        for (int i = 0; i < names.size(); i++) {
            sink.add(REQUESTS, Unsigned.toDouble(values[i]), proto, names.get(i));
        }
    }
}
