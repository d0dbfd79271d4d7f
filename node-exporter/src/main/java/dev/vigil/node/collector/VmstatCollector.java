package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorContext;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.flags.FlagSet;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.Vmstat;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code /proc/vmstat} counters whose names match {@code --collector.vmstat.fields}, as
 * untyped metrics {@code node_vmstat_<name>}.
 */
public final class VmstatCollector implements Collector {
    public static final CollectorFactory FACTORY = new Factory();

    static final String FIELDS_FLAG = "collector.vmstat.fields";
    static final String DEFAULT_FIELDS = "^(oom_kill|pgpg|pswp|pg.*fault).*";

    private final HostPaths paths;
    private final Pattern fields;
    /** Per field name seen so far: its descriptor if selected, empty if not (one regex match per name). */
    private final Map<String, Optional<Desc>> descs = new ConcurrentHashMap<>();

    public VmstatCollector(HostPaths paths, Pattern fields) {
        this.paths = paths;
        this.fields = fields;
    }

    @Override
    public String name() {
        return "vmstat";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path file = paths.proc("vmstat");
        List<Vmstat.Field> values;
        try {
            values = Vmstat.parse(KernelFiles.read(file));
        } catch (NoSuchFileException e) {
            throw new NoDataException(file + " does not exist");
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        for (Vmstat.Field field : values) {
            Optional<Desc> desc = descs.computeIfAbsent(field.name(), this::describe);
            if (desc.isPresent()) {
                sink.add(desc.get(), field.value());
            }
        }
    }

    private Optional<Desc> describe(String name) {
        if (!fields.matcher(name).find()) {
            return Optional.empty();
        }
        return Optional.of(Desc.untyped("node_vmstat_" + name, "/proc/vmstat information field " + name + "."));
    }

    private static final class Factory implements CollectorFactory {
        @Override
        public String name() {
            return "vmstat";
        }

        @Override
        public boolean enabledByDefault() {
            return true;
        }

        @Override
        public void defineFlags(FlagSet flags) {
            flags.string(FIELDS_FLAG, "Regexp of fields to return for vmstat collector.", DEFAULT_FIELDS);
        }

        @Override
        public Collector create(CollectorContext context) {
            String regex = (String) context.flags().lookup(FIELDS_FLAG).get();
            try {
                return new VmstatCollector(context.paths(), Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("--" + FIELDS_FLAG + ": invalid regular expression: "
                        + e.getMessage(), e);
            }
        }
    }
}
