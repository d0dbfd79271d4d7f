package dev.vigil.node;

import dev.vigil.exporter.CollectorFactory;
import dev.vigil.node.collector.ArpCollector;
import dev.vigil.node.collector.BcacheCollector;
import dev.vigil.node.collector.BondingCollector;
import dev.vigil.node.collector.BtrfsCollector;
import dev.vigil.node.collector.BuddyinfoCollector;
import dev.vigil.node.collector.ConntrackCollector;
import dev.vigil.node.collector.CpuCollector;
import dev.vigil.node.collector.CpufreqCollector;
import dev.vigil.node.collector.DiskstatsCollector;
import dev.vigil.node.collector.DmiCollector;
import dev.vigil.node.collector.EdacCollector;
import dev.vigil.node.collector.EntropyCollector;
import dev.vigil.node.collector.FibrechannelCollector;
import dev.vigil.node.collector.FilefdCollector;
import dev.vigil.node.collector.FilesystemCollector;
import dev.vigil.node.collector.HwmonCollector;
import dev.vigil.node.collector.InfinibandCollector;
import dev.vigil.node.collector.InterruptsCollector;
import dev.vigil.node.collector.IpvsCollector;
import dev.vigil.node.collector.KsmdCollector;
import dev.vigil.node.collector.LoadavgCollector;
import dev.vigil.node.collector.MdadmCollector;
import dev.vigil.node.collector.MeminfoCollector;
import dev.vigil.node.collector.MeminfoNumaCollector;
import dev.vigil.node.collector.MountstatsCollector;
import dev.vigil.node.collector.NetclassCollector;
import dev.vigil.node.collector.NetdevCollector;
import dev.vigil.node.collector.NetstatCollector;
import dev.vigil.node.collector.NfsCollector;
import dev.vigil.node.collector.NfsdCollector;
import dev.vigil.node.collector.NvmeCollector;
import dev.vigil.node.collector.OsCollector;
import dev.vigil.node.collector.PowerSupplyClassCollector;
import dev.vigil.node.collector.PressureCollector;
import dev.vigil.node.collector.ProcessesCollector;
import dev.vigil.node.collector.RaplCollector;
import dev.vigil.node.collector.SchedstatCollector;
import dev.vigil.node.collector.SelinuxCollector;
import dev.vigil.node.collector.SockstatCollector;
import dev.vigil.node.collector.SoftnetCollector;
import dev.vigil.node.collector.StatCollector;
import dev.vigil.node.collector.SysctlCollector;
import dev.vigil.node.collector.SystemdCollector;
import dev.vigil.node.collector.TapestatsCollector;
import dev.vigil.node.collector.TcpstatCollector;
import dev.vigil.node.collector.TextfileCollector;
import dev.vigil.node.collector.ThermalZoneCollector;
import dev.vigil.node.collector.TimeCollector;
import dev.vigil.node.collector.TimexCollector;
import dev.vigil.node.collector.UdpQueuesCollector;
import dev.vigil.node.collector.UnameCollector;
import dev.vigil.node.collector.VmstatCollector;
import dev.vigil.node.collector.XfsCollector;
import dev.vigil.node.collector.ZfsCollector;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * node_exporter's collectors with their default-enabled state; sorted by name, as node_exporter
 * lists them. The hosted container collectors are added by {@link NodeExporterMain#spec()}, so this
 * list stays the one the parity tests compare with node_exporter.
 */
public final class NodeCollectors {
    private NodeCollectors() {
    }

    /** The node exporter's own (node_exporter's) collectors. */
    public static List<CollectorFactory> all() {
        return Stream.of(
                        ArpCollector.FACTORY,
                        BcacheCollector.FACTORY,
                        BondingCollector.FACTORY,
                        BtrfsCollector.FACTORY,
                        BuddyinfoCollector.FACTORY,
                        ConntrackCollector.FACTORY,
                        CpuCollector.FACTORY,
                        CpufreqCollector.FACTORY,
                        DiskstatsCollector.FACTORY,
                        DmiCollector.FACTORY,
                        EdacCollector.FACTORY,
                        EntropyCollector.FACTORY,
                        FibrechannelCollector.FACTORY,
                        FilefdCollector.FACTORY,
                        FilesystemCollector.FACTORY,
                        HwmonCollector.FACTORY,
                        InfinibandCollector.FACTORY,
                        InterruptsCollector.FACTORY,
                        IpvsCollector.FACTORY,
                        KsmdCollector.FACTORY,
                        LoadavgCollector.FACTORY,
                        MdadmCollector.FACTORY,
                        MeminfoCollector.FACTORY,
                        MeminfoNumaCollector.FACTORY,
                        MountstatsCollector.FACTORY,
                        NetclassCollector.FACTORY,
                        NetdevCollector.FACTORY,
                        NetstatCollector.FACTORY,
                        NfsCollector.FACTORY,
                        NfsdCollector.FACTORY,
                        NvmeCollector.FACTORY,
                        OsCollector.FACTORY,
                        PowerSupplyClassCollector.FACTORY,
                        PressureCollector.FACTORY,
                        ProcessesCollector.FACTORY,
                        RaplCollector.FACTORY,
                        SchedstatCollector.FACTORY,
                        SelinuxCollector.FACTORY,
                        SockstatCollector.FACTORY,
                        SoftnetCollector.FACTORY,
                        StatCollector.FACTORY,
                        SysctlCollector.FACTORY,
                        SystemdCollector.FACTORY,
                        TapestatsCollector.FACTORY,
                        TcpstatCollector.FACTORY,
                        TextfileCollector.FACTORY,
                        ThermalZoneCollector.FACTORY,
                        TimeCollector.FACTORY,
                        TimexCollector.FACTORY,
                        UdpQueuesCollector.FACTORY,
                        UnameCollector.FACTORY,
                        VmstatCollector.FACTORY,
                        XfsCollector.FACTORY,
                        ZfsCollector.FACTORY)
                .sorted(Comparator.comparing(CollectorFactory::name))
                .toList();
    }
}
