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
 * Bytes queued in UDP sockets, summed over {@code /proc/net/udp} (ip="v4") and {@code udp6}
 * (ip="v6"). A missing file (that address family disabled) is skipped; both missing means no data.
 */
public final class UdpQueuesCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("udp_queues", true, context -> new UdpQueuesCollector(context.paths()));

    private static final Desc QUEUES = Desc.gauge("node_udp_queues",
            "Number of allocated memory in the kernel for UDP datagrams in bytes.", "queue", "ip");

    private final HostPaths paths;

    public UdpQueuesCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "udp_queues";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        NetIpSocket.Summary v4 = read(paths.proc("net", "udp"), "udp");
        NetIpSocket.Summary v6 = read(paths.proc("net", "udp6"), "udp6");
        if (v4 == null && v6 == null) {
            throw new NoDataException("neither " + paths.proc("net", "udp") + " nor udp6 exists");
        }
        if (v4 != null) {
            sink.add(QUEUES, NetDev.toDouble(v4.txQueue()), "tx", "v4");
            sink.add(QUEUES, NetDev.toDouble(v4.rxQueue()), "rx", "v4");
        }
        if (v6 != null) {
            sink.add(QUEUES, NetDev.toDouble(v6.txQueue()), "tx", "v6");
            sink.add(QUEUES, NetDev.toDouble(v6.rxQueue()), "rx", "v6");
        }
    }

    private static NetIpSocket.Summary read(Path file, String what) throws IOException {
        String text;
        try {
            text = KernelFiles.read(file);
        } catch (NoSuchFileException e) {
            return null;
        }
        try {
            return NetIpSocket.summarize(text);
        } catch (IllegalArgumentException e) {
            throw new IOException("couldn't get " + what + " queued bytes: " + file + ": " + e.getMessage(), e);
        }
    }
}
