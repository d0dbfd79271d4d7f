package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.NetDev;
import dev.vigil.node.procfs.NetIpSocket;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * TCP sockets per state, and their queued bytes, from {@code /proc/net/tcp} and {@code tcp6}
 * (when present), under {@code --path.procfs}.
 *
 * <p>node_exporter 1.5 asks the live kernel over netlink ({@code sock_diag}) instead. The families,
 * labels and socket counts are the same; one value differs by design: for a listening socket,
 * sock_diag's "write queue" is the listen backlog limit, which node_exporter adds to {@code
 * tx_queued_bytes}, while {@code /proc/net/tcp} shows 0 there. Our {@code tx_queued_bytes} is thus
 * the bytes actually waiting to be sent.
 */
public final class TcpstatCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("tcpstat", false, context -> new TcpstatCollector(context.paths()));

    private static final Desc STATES = Desc.gauge("node_tcp_connection_states", "Number of connection states.", "state");

    /** The kernel's TCP states ({@code include/net/tcp_states.h}) as node_exporter names them. */
    private static final String[] STATE_NAMES = {
        null, "established", "syn_sent", "syn_recv", "fin_wait1", "fin_wait2", "time_wait", "close", "close_wait",
        "last_ack", "listen", "closing",
    };

    private final HostPaths paths;

    public TcpstatCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "tcpstat";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        NetIpSocket.Summary v4 = read(paths.proc("net", "tcp"));
        if (v4 == null) {
            throw new NoDataException(paths.proc("net", "tcp") + " does not exist");
        }
        NetIpSocket.Summary v6 = read(paths.proc("net", "tcp6"));
        long[] states = v4.states().clone();
        long sockets = v4.sockets();
        long tx = v4.txQueue();
        long rx = v4.rxQueue();
        if (v6 != null) {
            for (int i = 0; i < states.length; i++) {
                states[i] += v6.states()[i];
            }
            sockets += v6.sockets();
            tx += v6.txQueue();
            rx += v6.rxQueue();
        }
        long unknown = 0;
        for (int state = 0; state < states.length; state++) {
            if (states[state] == 0) {
                continue;
            }
            if (state < STATE_NAMES.length && STATE_NAMES[state] != null) {
                sink.add(STATES, states[state], STATE_NAMES[state]);
            } else {
                unknown += states[state];
            }
        }
        if (unknown > 0) {
            sink.add(STATES, unknown, "unknown");
        }
        if (sockets > 0) {
            sink.add(STATES, NetDev.toDouble(rx), "rx_queued_bytes");
            sink.add(STATES, NetDev.toDouble(tx), "tx_queued_bytes");
        }
    }

    private static NetIpSocket.Summary read(Path file) throws IOException {
        String text;
        try {
            text = KernelFiles.read(file);
        } catch (NoSuchFileException e) {
            return null;
        }
        try {
            return NetIpSocket.summarize(text);
        } catch (IllegalArgumentException e) {
            throw new IOException("couldn't get tcpstats: " + file + ": " + e.getMessage(), e);
        }
    }
}
