package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.io.PageSize;
import dev.vigil.node.procfs.Sockstat;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Socket usage from {@code /proc/net/sockstat} and {@code sockstat6}: one gauge per protocol and
 * state ({@code node_sockstat_TCP_inuse}), plus {@code <PROTO>_mem_bytes} (pages times this host's
 * page size) where the kernel gives {@code mem}. A missing file (IPv4 or IPv6 disabled) is skipped,
 * as in node_exporter, which then still succeeds.
 */
public final class SockstatCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("sockstat", true, context -> new SockstatCollector(context.paths(), PageSize.bytes()));

    private static final Desc SOCKETS_USED = Desc.gauge("node_sockstat_sockets_used", "Number of IPv4 sockets in use.");

    private final HostPaths paths;
    private final long pageSize;
    private final Map<String, Desc> descs = new ConcurrentHashMap<>();

    public SockstatCollector(HostPaths paths, int pageSize) {
        this.paths = paths;
        this.pageSize = pageSize;
    }

    @Override
    public String name() {
        return "sockstat";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Sockstat v4 = read(paths.proc("net", "sockstat"), "IPv4");
        Sockstat v6 = read(paths.proc("net", "sockstat6"), "IPv6");
        if (v4 != null) {
            if (v4.used() != null) {
                sink.add(SOCKETS_USED, v4.used());
            }
            send(sink, v4);
        }
        if (v6 != null) {
            send(sink, v6);
        }
    }

    private void send(MetricSink sink, Sockstat stat) {
        for (Sockstat.Protocol p : stat.protocols()) {
            String proto = p.name();
            sink.add(desc(proto, "inuse"), p.inUse());
            add(sink, proto, "orphan", p.orphan());
            add(sink, proto, "tw", p.tw());
            add(sink, proto, "alloc", p.alloc());
            add(sink, proto, "mem", p.mem());
            add(sink, proto, "memory", p.memory());
            if (p.mem() != null) {
                sink.add(desc(proto, "mem_bytes"), (double) (p.mem() * pageSize));
            }
        }
    }

    private void add(MetricSink sink, String proto, String state, Long value) {
        if (value != null) {
            sink.add(desc(proto, state), value);
        }
    }

    private Desc desc(String proto, String state) {
        return descs.computeIfAbsent(proto + "_" + state, key -> Desc.gauge("node_sockstat_" + key,
                "Number of " + proto + " sockets in state " + state + "."));
    }

    private static Sockstat read(Path file, String family) throws IOException {
        String text;
        try {
            text = KernelFiles.read(file);
        } catch (NoSuchFileException e) {
            return null; // this address family is disabled
        }
        try {
            return Sockstat.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IOException("failed to get " + family + " sockstat data: " + file + ": " + e.getMessage(), e);
        }
    }
}
