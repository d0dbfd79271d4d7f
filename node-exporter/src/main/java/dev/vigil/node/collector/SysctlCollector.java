package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorContext;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.flags.FlagSet;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.Sysctl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chosen sysctls from {@code /proc/sys} (off by default). {@code --collector.sysctl.include} makes
 * numeric ones untyped metrics, {@code node_sysctl_<name>} (one per field if the sysctl has several,
 * indexed or named by the flag); {@code --collector.sysctl.include-info} puts text ones in {@code
 * node_sysctl_info{name,value,index}}. A sysctl that cannot be read or does not fit its flag fails the
 * collector, as in node_exporter.
 */
public final class SysctlCollector implements Collector {
    public static final CollectorFactory FACTORY = new Factory();

    private static final Desc INFO = Desc.gauge("node_sysctl_info", "sysctl info", "name", "value", "index");

    private final HostPaths paths;
    private final List<Sysctl> sysctls;
    private final Map<String, Desc> descs = new ConcurrentHashMap<>();

    public SysctlCollector(HostPaths paths, List<String> include, List<String> includeInfo) {
        this.paths = paths;
        List<Sysctl> all = new ArrayList<>();
        include.forEach(s -> all.add(Sysctl.parse(s, true)));
        includeInfo.forEach(s -> all.add(Sysctl.parse(s, false)));
        this.sysctls = List.copyOf(all);
    }

    @Override
    public String name() {
        return "sysctl";
    }

    private record Sample(Desc desc, double value, String[] labels) {
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (Sysctl sysctl : sysctls) {
            collect(sysctl, samples);
        }
        for (Sample sample : samples) {
            sink.add(sample.desc(), sample.value(), sample.labels());
        }
    }

    private void collect(Sysctl sysctl, List<Sample> out) throws IOException {
        List<String> values;
        long[] ints = null;
        try {
            values = Sysctl.values(KernelFiles.read(paths.proc("sys").resolve(Path.of(sysctl.path()))));
            if (sysctl.numeric()) {
                ints = sysctl.ints(values);
            }
        } catch (IOException | NumberFormatException e) {
            throw new IOException("error obtaining sysctl info: " + e.getMessage(), e);
        }
        String metric = "node_sysctl_" + Sanitize.metricName(sysctl.name());
        String help = "sysctl " + sysctl.name();
        int n = values.size();
        if (n == 0) {
            throw new IOException("sysctl " + sysctl.name() + " has no values");
        }
        if (n == 1) {
            if (!sysctl.keys().isEmpty()) {
                throw new IOException("sysctl " + sysctl.name() + " has only one value, but expected " + sysctl.keys());
            }
            if (ints != null) {
                out.add(new Sample(desc(metric, help), ints[0], new String[0]));
            } else {
                out.add(new Sample(INFO, 1, new String[] {sysctl.name(), values.get(0), "0"}));
            }
            return;
        }
        if (sysctl.keys().isEmpty()) {
            for (int i = 0; i < n; i++) {
                if (ints != null) {
                    out.add(new Sample(desc(metric, help, "index"), ints[i], new String[] {Integer.toString(i)}));
                } else {
                    out.add(new Sample(INFO, 1, new String[] {sysctl.name(), values.get(i), Integer.toString(i)}));
                }
            }
            return;
        }
        if (n != sysctl.keys().size()) {
            throw new IOException("sysctl " + sysctl.name() + " has " + n + " keys but only " + sysctl.keys().size()
                    + " defined in f lag");
        }
        if (ints == null) {
            throw new IOException("mapped sysctl string values not supported");
        }
        for (int i = 0; i < n; i++) {
            out.add(new Sample(desc(metric + "_" + sysctl.keys().get(i), help + ", field " + i), ints[i], new String[0]));
        }
    }

    private Desc desc(String name, String help, String... labels) throws IOException {
        try {
            return descs.computeIfAbsent(name + "/" + labels.length, key -> Desc.untyped(name, help, labels));
        } catch (IllegalArgumentException e) {
            throw new IOException("sysctl metric name " + name + ": " + e.getMessage(), e);
        }
    }

    /** {@code --collector.sysctl}, off by default, with its include flags. */
    private static final class Factory implements CollectorFactory {
        @Override
        public String name() {
            return "sysctl";
        }

        @Override
        public boolean enabledByDefault() {
            return false;
        }

        @Override
        public void defineFlags(FlagSet flags) {
            flags.strings("collector.sysctl.include", "Select sysctl metrics to include", List.of());
            flags.strings("collector.sysctl.include-info", "Select sysctl metrics to include as info metrics", List.of());
        }

        @Override
        @SuppressWarnings("unchecked")
        public Collector create(CollectorContext context) {
            FlagSet flags = context.flags();
            return new SysctlCollector(context.paths(), (List<String>) flags.lookup("collector.sysctl.include").get(),
                    (List<String>) flags.lookup("collector.sysctl.include-info").get());
        }
    }
}
