package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.Mdstat;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Software RAID (md) devices from {@code /proc/mdstat}. */
public final class MdadmCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("mdadm", true, context -> new MdadmCollector(context.paths()));

    private static final Desc DISKS_REQUIRED = Desc.gauge("node_md_disks_required",
            "Total number of disks of device.", "device");
    private static final Desc DISKS = Desc.gauge("node_md_disks",
            "Number of active/failed/spare disks of device.", "device", "state");
    private static final Desc STATE = Desc.gauge("node_md_state", "Indicates the state of md-device.",
            "device", "state");
    private static final Desc BLOCKS = Desc.gauge("node_md_blocks", "Total number of blocks on device.", "device");
    private static final Desc BLOCKS_SYNCED = Desc.gauge("node_md_blocks_synced",
            "Number of blocks synced on device.", "device");

    /** The states node_exporter reports, and the parser's name for each. */
    private static final List<String[]> STATES = List.of(
            new String[] {"active", "active"}, new String[] {"inactive", "inactive"},
            new String[] {"recovering", "recovering"}, new String[] {"resync", "resyncing"},
            new String[] {"check", "checking"});

    private final HostPaths paths;

    public MdadmCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "mdadm";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path file = paths.proc("mdstat");
        String text;
        try {
            text = KernelFiles.read(file);
        } catch (NoSuchFileException e) {
            throw new NoDataException("Not collecting mdstat, file does not exist: " + file);
        }
        List<Mdstat.Device> devices;
        try {
            devices = Mdstat.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IOException("error parsing mdstatus: error parsing mdstat \"" + file + "\": " + e.getMessage(), e);
        }
        for (Mdstat.Device md : devices) {
            String name = md.name();
            sink.add(DISKS_REQUIRED, md.disksTotal(), name);
            sink.add(DISKS, md.disksActive(), name, "active");
            sink.add(DISKS, md.disksFailed(), name, "failed");
            sink.add(DISKS, md.disksSpare(), name, "spare");
            for (String[] state : STATES) {
                sink.add(STATE, md.state().equals(state[1]) ? 1 : 0, name, state[0]);
            }
            sink.add(BLOCKS, md.blocksTotal(), name);
            sink.add(BLOCKS_SYNCED, md.blocksSynced(), name);
        }
    }
}
