package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorContext;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.flags.FlagSet;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.SysfsFiles;
import dev.vigil.exporter.host.GoStrconv;
import dev.vigil.node.sysfs.RaplZone;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Energy counters of Intel RAPL power zones from {@code /sys/class/powercap}: {@code
 * node_rapl_<zone>_joules_total{index,path}}, or with {@code --collector.rapl.enable-zone-label} one
 * {@code node_rapl_joules_total{index,path,rapl_zone}}. Since kernel 5.10 only root may read {@code
 * energy_uj}; as in node_exporter, that is no data rather than a failure.
 */
public final class RaplCollector implements Collector {
    public static final CollectorFactory FACTORY = new Factory();

    private static final Desc JOULES_WITH_ZONE = Desc.counter("node_rapl_joules_total", "Current RAPL value in joules",
            "index", "path", "rapl_zone");

    private final HostPaths paths;
    private final boolean zoneLabel;
    private final Map<String, Desc> descs = new ConcurrentHashMap<>();

    public RaplCollector(HostPaths paths, boolean zoneLabel) {
        this.paths = paths;
        this.zoneLabel = zoneLabel;
    }

    @Override
    public String name() {
        return "rapl";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path dir = paths.sys("class", "powercap").normalize();
        List<RaplZone.Named> named = new ArrayList<>();
        try {
            for (String entry : SysfsFiles.list(dir)) {
                Path zone = dir.resolve(entry);
                String name;
                try {
                    name = SysfsFiles.read(zone.resolve("name"));
                } catch (IOException e) {
                    continue; // a control type such as intel-rapl itself: no name, no zone
                }
                GoStrconv.parseUnsignedDecimal(GoStrconv.trimSpace(SysfsFiles.read(zone.resolve("max_energy_range_uj"))));
                named.add(new RaplZone.Named(entry, name, zone.toString()));
            }
        } catch (NoSuchFileException e) {
            throw new NoDataException("Platform doesn't have powercap files present: " + e.getMessage());
        } catch (AccessDeniedException e) {
            throw new NoDataException("Can't access powercap files: " + e.getMessage());
        } catch (NumberFormatException e) {
            throw new IOException("failed to retrieve rapl stats: " + e.getMessage(), e);
        }
        List<RaplZone> zones = RaplZone.index(named);
        double[] joules = new double[zones.size()];
        for (int i = 0; i < zones.size(); i++) {
            RaplZone zone = zones.get(i);
            try {
                long microjoules = GoStrconv.parseUnsignedDecimal(
                        GoStrconv.trimSpace(SysfsFiles.read(Path.of(zone.path(), "energy_uj"))));
                joules[i] = GoStrconv.unsignedToDouble(microjoules) / 1000000.0;
            } catch (AccessDeniedException e) {
                throw new NoDataException("Can't access energy_uj file: " + e.getMessage());
            } catch (NumberFormatException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        for (int i = 0; i < zones.size(); i++) {
            RaplZone zone = zones.get(i);
            String index = Long.toString(zone.index());
            if (zoneLabel) {
                sink.add(JOULES_WITH_ZONE, joules[i], index, zone.path(), zone.name());
            } else {
                Desc desc = descs.computeIfAbsent(zone.name(), name -> Desc.counter(
                        "node_rapl_" + Sanitize.metricName(name + "_joules_total"),
                        "Current RAPL " + name + " value in joules", "index", "path"));
                sink.add(desc, joules[i], index, zone.path());
            }
        }
    }

    /** {@code --collector.rapl} and {@code --collector.rapl.enable-zone-label}. */
    private static final class Factory implements CollectorFactory {
        @Override
        public String name() {
            return "rapl";
        }

        @Override
        public boolean enabledByDefault() {
            return true;
        }

        @Override
        public void defineFlags(FlagSet flags) {
            // node_exporter 1.5's help text, copied from another flag by mistake upstream
            flags.bool("collector.rapl.enable-zone-label", "Enables service unit metric unit_start_time_seconds", false);
        }

        @Override
        public Collector create(CollectorContext context) {
            return new RaplCollector(context.paths(),
                    (Boolean) context.flags().lookup("collector.rapl.enable-zone-label").get());
        }
    }
}
