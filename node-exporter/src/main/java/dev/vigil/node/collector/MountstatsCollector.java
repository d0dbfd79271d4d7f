package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.exporter.log.Log;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.NfsMountStats;
import dev.vigil.node.procfs.Unsigned;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * NFS client statistics per mount from {@code /proc/self/mountstats}, with each mount's server
 * address from {@code /proc/self/mountinfo}. An export mounted more than once (same server address
 * and protocol) is reported once. Off by default, as in node_exporter.
 */
public final class MountstatsCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("mountstats", false, context -> new MountstatsCollector(context.paths()));

    private static final Log LOG = Log.get(MountstatsCollector.class);
    /** 2^53: node_exporter keeps times below the double's exact-integer range. */
    private static final long MANTISSA = 1L << 53;
    private static final String[] LABELS = {"export", "protocol", "mountaddr"};
    private static final String[] OP_LABELS = {"export", "protocol", "mountaddr", "operation"};

    private static final Desc AGE = counter("age_seconds_total", "The age of the NFS mount in seconds.");
    private static final Desc[] BYTES = {
        counter("read_bytes_total", "Number of bytes read using the read() syscall."),
        counter("write_bytes_total", "Number of bytes written using the write() syscall."),
        counter("direct_read_bytes_total", "Number of bytes read using the read() syscall in O_DIRECT mode."),
        counter("direct_write_bytes_total", "Number of bytes written using the write() syscall in O_DIRECT mode."),
        counter("total_read_bytes_total", "Number of bytes read from the NFS server, in total."),
        counter("total_write_bytes_total", "Number of bytes written to the NFS server, in total."),
        counter("read_pages_total", "Number of pages read directly via mmap()'d files."),
        counter("write_pages_total", "Number of pages written directly via mmap()'d files."),
    };

    /** Transport counters: index into the transport values, family; idle time and slots are gauges. */
    private static final int[] TRANSPORT_INDEX = {1, 2, 4, 5, 6, 7, 9, 10, 11, 12};
    private static final Desc[] TRANSPORT = {
        counter("transport_bind_total",
                "Number of times the client has had to establish a connection from scratch to the NFS server."),
        counter("transport_connect_total", "Number of times the client has made a TCP connection to the NFS server."),
        gauge("transport_idle_time_seconds", "Duration since the NFS mount last saw any RPC traffic, in seconds."),
        counter("transport_sends_total", "Number of RPC requests for this mount sent to the NFS server."),
        counter("transport_receives_total", "Number of RPC responses for this mount received from the NFS server."),
        counter("transport_bad_transaction_ids_total",
                "Number of times the NFS server sent a response with a transaction ID unknown to this client."),
        counter("transport_backlog_queue_total", "Total number of items added to the RPC backlog queue."),
        gauge("transport_maximum_rpc_slots", "Maximum number of simultaneously active RPC requests ever used."),
        counter("transport_sending_queue_total", "Total number of items added to the RPC transmission sending queue."),
        counter("transport_pending_queue_total", "Total number of items added to the RPC transmission pending queue."),
    };

    private static final Desc[] OPERATIONS = {
        opCounter("operations_requests_total", "Number of requests performed for a given operation."),
        opCounter("operations_transmissions_total",
                "Number of times an actual RPC request has been transmitted for a given operation."),
        opCounter("operations_major_timeouts_total",
                "Number of times a request has had a major timeout for a given operation."),
        opCounter("operations_sent_bytes_total",
                "Number of bytes sent for a given operation, including RPC headers and payload."),
        opCounter("operations_received_bytes_total",
                "Number of bytes received for a given operation, including RPC headers and payload."),
        opCounter("operations_queue_time_seconds_total", "Duration all requests spent queued for transmission for a "
                + "given operation before they were sent, in seconds."),
        opCounter("operations_response_time_seconds_total", "Duration all requests took to get a reply back after a "
                + "request for a given operation was transmitted, in seconds."),
        opCounter("operations_request_time_seconds_total", "Duration all requests took from when a request was "
                + "enqueued to when it was completely handled for a given operation, in seconds."),
    };

    /** Event counters by index in the events line; index 18 (congestion waits) is not reported. */
    private static final int[] EVENT_INDEX = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 19, 20,
        21, 22, 23, 24, 25, 26};
    private static final Desc[] EVENTS = {
        counter("event_inode_revalidate_total",
                "Number of times cached inode attributes are re-validated from the server."),
        counter("event_dnode_revalidate_total", "Number of times cached dentry nodes are re-validated from the server."),
        counter("event_data_invalidate_total", "Number of times an inode cache is cleared."),
        counter("event_attribute_invalidate_total", "Number of times cached inode attributes are invalidated."),
        counter("event_vfs_open_total", "Number of times cached inode attributes are invalidated."),
        counter("event_vfs_lookup_total", "Number of times a directory lookup has occurred."),
        counter("event_vfs_access_total", "Number of times permissions have been checked."),
        counter("event_vfs_update_page_total", "Number of updates (and potential writes) to pages."),
        counter("event_vfs_read_page_total", "Number of pages read directly via mmap()'d files."),
        counter("event_vfs_read_pages_total", "Number of times a group of pages have been read."),
        counter("event_vfs_write_page_total", "Number of pages written directly via mmap()'d files."),
        counter("event_vfs_write_pages_total", "Number of times a group of pages have been written."),
        counter("event_vfs_getdents_total", "Number of times directory entries have been read with getdents()."),
        counter("event_vfs_setattr_total", "Number of times directory entries have been read with getdents()."),
        counter("event_vfs_flush_total", "Number of pending writes that have been forcefully flushed to the server."),
        counter("event_vfs_fsync_total", "Number of times fsync() has been called on directories and files."),
        counter("event_vfs_lock_total", "Number of times locking has been attempted on a file."),
        counter("event_vfs_file_release_total", "Number of times files have been closed and released."),
        counter("event_truncation_total", "Number of times files have been truncated."),
        counter("event_write_extension_total",
                "Number of times a file has been grown due to writes beyond its existing end."),
        counter("event_silly_rename_total", "Number of times a file was removed while still open by another process."),
        counter("event_short_read_total", "Number of times the NFS server gave less data than expected while reading."),
        counter("event_short_write_total",
                "Number of times the NFS server wrote less data than expected while writing."),
        counter("event_jukebox_delay_total",
                "Number of times the NFS server indicated EJUKEBOX; retrieving data from offline storage."),
        counter("event_pnfs_read_total", "Number of NFS v4.1+ pNFS reads."),
        counter("event_pnfs_write_total", "Number of NFS v4.1+ pNFS writes."),
    };

    private final HostPaths paths;

    public MountstatsCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "mountstats";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        List<NfsMountStats.Mount> mounts;
        try {
            mounts = NfsMountStats.parse(KernelFiles.read(paths.proc("self", "mountstats")));
        } catch (IllegalArgumentException e) {
            throw new IOException("failed to parse mountstats: " + e.getMessage(), e);
        }
        List<String> addresses;
        try {
            addresses = NfsMountStats.mountAddresses(KernelFiles.read(paths.proc("self", "mountinfo")));
        } catch (IllegalArgumentException e) {
            throw new IOException("failed to parse mountinfo: " + e.getMessage(), e);
        }
        Set<List<String>> seen = new HashSet<>();
        for (int i = 0; i < mounts.size(); i++) {
            NfsMountStats.Mount mount = mounts.get(i);
            if (mount.nfs() == null) {
                continue;
            }
            // mountstats and mountinfo list the mounts in the same order.
            String address = i < addresses.size() ? addresses.get(i) : "";
            List<String> identity = List.of(mount.device(), mount.nfs().protocol(), address);
            if (!seen.add(identity)) {
                LOG.debug("Skipping duplicate device entry", "device", identity);
                continue;
            }
            report(sink, mount.nfs(), mount.device(), mount.nfs().protocol(), address);
        }
    }

    private static void report(MetricSink sink, NfsMountStats.Nfs nfs, String... labels) {
        sink.add(AGE, nfs.ageSeconds(), labels);
        for (int i = 0; i < BYTES.length; i++) {
            sink.add(BYTES[i], Unsigned.toDouble(nfs.bytes()[i]), labels);
        }
        for (int i = 0; i < TRANSPORT.length; i++) {
            long value = nfs.transport()[TRANSPORT_INDEX[i]];
            sink.add(TRANSPORT[i], Unsigned.toDouble(i == 2 ? Long.remainderUnsigned(value, MANTISSA) : value),
                    labels);
        }
        for (NfsMountStats.Operation op : nfs.operations()) {
            String[] opLabels = {labels[0], labels[1], labels[2], op.name()};
            long[] c = op.counters();
            for (int i = 0; i < 5; i++) {
                sink.add(OPERATIONS[i], Unsigned.toDouble(c[i]), opLabels);
            }
            for (int i = 5; i < 8; i++) {
                sink.add(OPERATIONS[i], (double) Long.remainderUnsigned(c[i], MANTISSA) / 1000.0, opLabels);
            }
        }
        for (int i = 0; i < EVENTS.length; i++) {
            sink.add(EVENTS[i], Unsigned.toDouble(nfs.events()[EVENT_INDEX[i]]), labels);
        }
    }

    private static Desc counter(String name, String help) {
        return Desc.counter("node_mountstats_nfs_" + name, help, LABELS);
    }

    private static Desc gauge(String name, String help) {
        return Desc.gauge("node_mountstats_nfs_" + name, help, LABELS);
    }

    private static Desc opCounter(String name, String help) {
        return Desc.counter("node_mountstats_nfs_" + name, help, OP_LABELS);
    }
}
