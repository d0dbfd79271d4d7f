package dev.vigil.node;

import dev.vigil.exporter.CollectorFactory;
import dev.vigil.node.collector.BcacheCollector;
import dev.vigil.node.collector.BtrfsCollector;
import dev.vigil.node.collector.DiskstatsCollector;
import dev.vigil.node.collector.FibrechannelCollector;
import dev.vigil.node.collector.LoadavgCollector;
import dev.vigil.node.collector.MdadmCollector;
import dev.vigil.node.collector.MeminfoCollector;
import dev.vigil.node.collector.MountstatsCollector;
import dev.vigil.node.collector.NfsCollector;
import dev.vigil.node.collector.NfsdCollector;
import dev.vigil.node.collector.NvmeCollector;
import dev.vigil.node.collector.TapestatsCollector;
import dev.vigil.node.collector.XfsCollector;
import dev.vigil.node.collector.ZfsCollector;
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
                        BcacheCollector.FACTORY,
                        BtrfsCollector.FACTORY,
                        DiskstatsCollector.FACTORY,
                        FibrechannelCollector.FACTORY,
                        LoadavgCollector.FACTORY,
                        MdadmCollector.FACTORY,
                        MeminfoCollector.FACTORY,
                        MountstatsCollector.FACTORY,
                        NfsCollector.FACTORY,
                        NfsdCollector.FACTORY,
                        NvmeCollector.FACTORY,
                        TapestatsCollector.FACTORY,
                        XfsCollector.FACTORY,
                        ZfsCollector.FACTORY)
                .sorted(Comparator.comparing(CollectorFactory::name))
                .toList();
    }
}
