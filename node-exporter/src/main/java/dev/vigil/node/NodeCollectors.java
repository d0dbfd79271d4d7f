package dev.vigil.node;

import dev.vigil.exporter.CollectorFactory;
import dev.vigil.node.collector.BondingCollector;
import dev.vigil.node.collector.DmiCollector;
import dev.vigil.node.collector.EdacCollector;
import dev.vigil.node.collector.HwmonCollector;
import dev.vigil.node.collector.InfinibandCollector;
import dev.vigil.node.collector.LoadavgCollector;
import dev.vigil.node.collector.MeminfoCollector;
import dev.vigil.node.collector.NetclassCollector;
import dev.vigil.node.collector.OsCollector;
import dev.vigil.node.collector.PowerSupplyClassCollector;
import dev.vigil.node.collector.RaplCollector;
import dev.vigil.node.collector.SelinuxCollector;
import dev.vigil.node.collector.SysctlCollector;
import dev.vigil.node.collector.ThermalZoneCollector;
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
                        BondingCollector.FACTORY,
                        DmiCollector.FACTORY,
                        EdacCollector.FACTORY,
                        HwmonCollector.FACTORY,
                        InfinibandCollector.FACTORY,
                        LoadavgCollector.FACTORY,
                        MeminfoCollector.FACTORY,
                        NetclassCollector.FACTORY,
                        OsCollector.FACTORY,
                        PowerSupplyClassCollector.FACTORY,
                        RaplCollector.FACTORY,
                        SelinuxCollector.FACTORY,
                        SysctlCollector.FACTORY,
                        ThermalZoneCollector.FACTORY)
                .sorted(Comparator.comparing(CollectorFactory::name))
                .toList();
    }
}
