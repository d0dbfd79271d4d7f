package dev.vigil.node;

import dev.vigil.exporter.CollectorFactory;
import dev.vigil.node.collector.ArpCollector;
import dev.vigil.node.collector.ConntrackCollector;
import dev.vigil.node.collector.EntropyCollector;
import dev.vigil.node.collector.FilefdCollector;
import dev.vigil.node.collector.IpvsCollector;
import dev.vigil.node.collector.LoadavgCollector;
import dev.vigil.node.collector.MeminfoCollector;
import dev.vigil.node.collector.NetdevCollector;
import dev.vigil.node.collector.NetstatCollector;
import dev.vigil.node.collector.SockstatCollector;
import dev.vigil.node.collector.SoftnetCollector;
import dev.vigil.node.collector.TcpstatCollector;
import dev.vigil.node.collector.UdpQueuesCollector;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every collector of the node exporter with its default-enabled state; sorted by name, as
 * node_exporter lists them.
 */
public final class NodeCollectors {
    private NodeCollectors() {
    }

    /** The node exporter's collectors. */
    public static List<CollectorFactory> all() {
        return Stream.of(
                        ArpCollector.FACTORY,
                        ConntrackCollector.FACTORY,
                        EntropyCollector.FACTORY,
                        FilefdCollector.FACTORY,
                        IpvsCollector.FACTORY,
                        LoadavgCollector.FACTORY,
                        MeminfoCollector.FACTORY,
                        NetdevCollector.FACTORY,
                        NetstatCollector.FACTORY,
                        SockstatCollector.FACTORY,
                        SoftnetCollector.FACTORY,
                        TcpstatCollector.FACTORY,
                        UdpQueuesCollector.FACTORY)
                .sorted(Comparator.comparing(CollectorFactory::name))
                .toList();
    }
}
