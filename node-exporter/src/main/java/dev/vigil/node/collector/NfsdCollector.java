package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.NfsClient;
import dev.vigil.node.procfs.NfsServer;
import dev.vigil.node.procfs.Unsigned;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** The kernel NFS server's statistics from {@code /proc/net/rpc/nfsd}. */
public final class NfsdCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("nfsd", true, context -> new NfsdCollector(context.paths()));

    private static final Desc REPLY_CACHE_HITS = Desc.counter("node_nfsd_reply_cache_hits_total",
            "Total number of NFSd Reply Cache hits (client lost server response).");
    private static final Desc REPLY_CACHE_MISSES = Desc.counter("node_nfsd_reply_cache_misses_total",
            "Total number of NFSd Reply Cache an operation that requires caching (idempotent).");
    private static final Desc REPLY_CACHE_NOCACHE = Desc.counter("node_nfsd_reply_cache_nocache_total",
            "Total number of NFSd Reply Cache non-idempotent operations (rename/delete/\u2026).");
    private static final Desc STALE_FILE_HANDLES = Desc.counter("node_nfsd_file_handles_stale_total",
            "Total number of NFSd stale file handles");
    private static final Desc BYTES_READ = Desc.counter("node_nfsd_disk_bytes_read_total", "Total NFSd bytes read.");
    private static final Desc BYTES_WRITTEN = Desc.counter("node_nfsd_disk_bytes_written_total",
            "Total NFSd bytes written.");
    private static final Desc THREADS = Desc.gauge("node_nfsd_server_threads",
            "Total number of NFSd kernel threads that are running.");
    private static final Desc READ_AHEAD_SIZE = Desc.gauge("node_nfsd_read_ahead_cache_size_blocks",
            "How large the read ahead cache is in blocks.");
    private static final Desc READ_AHEAD_NOT_FOUND = Desc.counter("node_nfsd_read_ahead_cache_not_found_total",
            "Total number of NFSd read ahead cache not found.");
    private static final Desc PACKETS = Desc.counter("node_nfsd_packets_total",
            "Total NFSd network packets (sent+received) by protocol type.", "proto");
    private static final Desc CONNECTIONS = Desc.counter("node_nfsd_connections_total",
            "Total number of NFSd TCP connections.");
    private static final Desc RPC_ERRORS = Desc.counter("node_nfsd_rpc_errors_total",
            "Total number of NFSd RPC errors by error type.", "error");
    private static final Desc RPCS = Desc.counter("node_nfsd_server_rpcs_total", "Total number of NFSd RPCs.");
    private static final Desc REQUESTS = Desc.counter("node_nfsd_requests_total",
            "Total number NFSd Requests by method and protocol.", "proto", "method");

    /** The NFSv4 operations node_exporter reports: all but the unused, future and pub/root handle ones. */
    private static final List<String> V4_REPORTED = List.of("Access", "Close", "Commit", "Create", "DelegPurge",
            "DelegReturn", "GetAttr", "GetFH", "Link", "Lock", "Lockt", "Locku", "Lookup", "LookupRoot", "Nverify",
            "Open", "OpenAttr", "OpenConfirm", "OpenDgrd", "PutFH", "Read", "ReadDir", "ReadLink", "Remove", "Rename",
            "Renew", "RestoreFH", "SaveFH", "SecInfo", "SetAttr", "Verify", "Write", "RelLockOwner");
    private static final int[] V4_INDEXES = V4_REPORTED.stream().mapToInt(NfsServer.V4_OPERATIONS::indexOf).toArray();

    private final HostPaths paths;

    public NfsdCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "nfsd";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path file = paths.proc("net", "rpc", "nfsd");
        NfsServer stats;
        try {
            stats = NfsServer.parse(KernelFiles.read(file));
        } catch (NoSuchFileException e) {
            throw new NoDataException("Not collecting NFSd metrics: " + file + " does not exist");
        } catch (IllegalArgumentException e) {
            throw new IOException("failed to retrieve nfsd stats: " + e.getMessage(), e);
        }
        sink.add(REPLY_CACHE_HITS, Unsigned.toDouble(stats.replyCache()[0]));
        sink.add(REPLY_CACHE_MISSES, Unsigned.toDouble(stats.replyCache()[1]));
        sink.add(REPLY_CACHE_NOCACHE, Unsigned.toDouble(stats.replyCache()[2]));
        sink.add(STALE_FILE_HANDLES, Unsigned.toDouble(stats.fileHandles()[0]));
        sink.add(BYTES_READ, Unsigned.toDouble(stats.io()[0]));
        sink.add(BYTES_WRITTEN, Unsigned.toDouble(stats.io()[1]));
        sink.add(THREADS, Unsigned.toDouble(stats.threads()[0]));
        sink.add(READ_AHEAD_SIZE, Unsigned.toDouble(stats.readAhead()[0]));
        sink.add(READ_AHEAD_NOT_FOUND, Unsigned.toDouble(stats.readAhead()[11]));
        sink.add(PACKETS, Unsigned.toDouble(stats.network()[1]), "udp");
        sink.add(PACKETS, Unsigned.toDouble(stats.network()[2]), "tcp");
        sink.add(CONNECTIONS, Unsigned.toDouble(stats.network()[3]));
        sink.add(RPC_ERRORS, Unsigned.toDouble(stats.rpc()[2]), "fmt");
        sink.add(RPC_ERRORS, Unsigned.toDouble(stats.rpc()[3]), "auth");
        sink.add(RPC_ERRORS, Unsigned.toDouble(stats.rpc()[4]), "cInt");
        sink.add(RPCS, Unsigned.toDouble(stats.rpc()[0]));
        // Null is left out of v2 and v3, as node_exporter does.
        procedures(sink, "2", NfsClient.V2_PROCEDURES, stats.v2());
        procedures(sink, "3", NfsClient.V3_PROCEDURES, stats.v3());
        for (int i = 0; i < V4_INDEXES.length; i++) {
            sink.add(REQUESTS, Unsigned.toDouble(stats.v4Ops()[V4_INDEXES[i]]), "4", V4_REPORTED.get(i));
        }
    }

    private static void procedures(MetricSink sink, String proto, List<String> names, long[] values) {
        for (int i = 1; i < names.size(); i++) {
            sink.add(REQUESTS, Unsigned.toDouble(values[i]), proto, names.get(i));
        }
    }
}
