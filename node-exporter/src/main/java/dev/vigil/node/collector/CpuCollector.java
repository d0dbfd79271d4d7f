package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorContext;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.flags.FlagSet;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.exporter.log.Log;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.CpuInfo;
import dev.vigil.node.procfs.Stat;
import dev.vigil.node.sysfs.CpuList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * CPU time per CPU and mode from {@code /proc/stat}, optionally {@code /proc/cpuinfo} as info
 * metrics, isolated CPUs and thermal throttle counters from {@code /sys/devices/system/cpu}.
 *
 * <p>As in node_exporter 1.5: a counter that goes backwards (some kernels and hypervisors do
 * that) keeps its last value, logged at debug level; when idle time drops by 3 seconds or more the
 * CPU is taken to have been hot-plugged and its values start afresh. CPUs are numbered densely up
 * to the highest in {@code /proc/stat} (an offline CPU in between reads as zeros), and when that
 * number changes all remembered values start afresh.
 */
public final class CpuCollector implements Collector {
    public static final CollectorFactory FACTORY = new Factory();

    private static final Log LOG = Log.get(CpuCollector.class);

    static final String GUEST_FLAG = "collector.cpu.guest";
    static final String INFO_FLAG = "collector.cpu.info";
    static final String FLAGS_INCLUDE_FLAG = "collector.cpu.info.flags-include";
    static final String BUGS_INCLUDE_FLAG = "collector.cpu.info.bugs-include";

    /** Idle time falling by this many seconds means a hot-plugged CPU. */
    static final double JUMP_BACK_SECONDS = 3.0;
    /** More CPUs than any kernel supports (NR_CPUS is at most 8192): a corrupt file. */
    private static final int MAX_CPUS = 1 << 16;

    private static final Desc SECONDS = Desc.counter("node_cpu_seconds_total",
            "Seconds the CPUs spent in each mode.", "cpu", "mode");
    private static final Desc GUEST = Desc.counter("node_cpu_guest_seconds_total",
            "Seconds the CPUs spent in guests (VMs) for each mode.", "cpu", "mode");
    private static final Desc INFO = Desc.gauge("node_cpu_info", "CPU information from /proc/cpuinfo.",
            "package", "core", "cpu", "vendor", "family", "model", "model_name", "microcode", "stepping", "cachesize");
    private static final Desc FLAG_INFO = Desc.gauge("node_cpu_flag_info",
            "The `flags` field of CPU information from /proc/cpuinfo taken from the first core.", "flag");
    private static final Desc BUG_INFO = Desc.gauge("node_cpu_bug_info",
            "The `bugs` field of CPU information from /proc/cpuinfo taken from the first core.", "bug");
    private static final Desc CORE_THROTTLES = Desc.counter("node_cpu_core_throttles_total",
            "Number of times this CPU core has been throttled.", "package", "core");
    private static final Desc PACKAGE_THROTTLES = Desc.counter("node_cpu_package_throttles_total",
            "Number of times this CPU package has been throttled.", "package");
    private static final Desc ISOLATED = Desc.gauge("node_cpu_isolated",
            "Whether each core is isolated, information from /sys/devices/system/cpu/isolated.", "cpu");

    /** The {@code /proc/stat} columns exported as modes of node_cpu_seconds_total, in column order. */
    private static final String[] MODES = {"user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"};
    private static final String[] FIELD_NAMES = {"User", "Nice", "System", "Idle", "Iowait", "IRQ", "SoftIRQ",
        "Steal", "Guest", "GuestNice"};
    private static final int IDLE = 3;
    private static final int GUEST_USER = 8;
    private static final int GUEST_NICE = 9;

    private final HostPaths paths;
    private final boolean guest;
    private final boolean info;
    private final Pattern flagsInclude;
    private final Pattern bugsInclude;
    private final CpuInfo.Arch arch;
    private final List<Integer> isolated;
    /** The last values exported, per CPU number: what the jump-back protection compares against. */
    private double[][] last = new double[0][];
    /** "0", "1", ...: the cpu label values, kept across scrapes. */
    private String[] labels = new String[0];

    /**
     * @param flagsInclude the {@code flags} filter, or null for no flag metrics
     * @param bugsInclude the {@code bugs} filter, or null for no bug metrics
     * @throws IllegalArgumentException if the isolated CPU list exists but cannot be read
     */
    public CpuCollector(HostPaths paths, boolean guest, boolean info, Pattern flagsInclude, Pattern bugsInclude,
            CpuInfo.Arch arch) {
        this.paths = paths;
        this.guest = guest;
        this.info = info || flagsInclude != null || bugsInclude != null;
        this.flagsInclude = flagsInclude;
        this.bugsInclude = bugsInclude;
        this.arch = arch;
        this.isolated = readIsolated(paths);
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        if (info) {
            updateInfo(sink);
        }
        updateStat(sink);
        if (isolated != null) {
            for (int cpu : isolated) {
                sink.add(ISOLATED, 1, Integer.toString(cpu));
            }
        }
        updateThermalThrottle(sink);
    }

    private void updateInfo(MetricSink sink) throws IOException {
        List<CpuInfo> processors;
        try {
            processors = CpuInfo.parse(read(paths.proc("cpuinfo")), arch);
        } catch (IllegalArgumentException e) {
            throw new IOException(paths.proc("cpuinfo") + ": " + e.getMessage(), e);
        }
        for (CpuInfo cpu : processors) {
            sink.add(INFO, 1, cpu.physicalId(), cpu.coreId(), Long.toString(cpu.processor()), cpu.vendorId(),
                    cpu.cpuFamily(), cpu.model(), cpu.modelName(), cpu.microcode(), cpu.stepping(), cpu.cacheSize());
        }
        if (!processors.isEmpty()) {
            CpuInfo first = processors.get(0);
            if (flagsInclude != null) {
                addMatching(sink, FLAG_INFO, first.flags(), flagsInclude);
            }
            if (bugsInclude != null) {
                addMatching(sink, BUG_INFO, first.bugs(), bugsInclude);
            }
        }
    }

    private static void addMatching(MetricSink sink, Desc desc, List<String> values, Pattern include) {
        for (String value : values) {
            if (include.matcher(value).find()) {
                sink.add(desc, 1, value);
            }
        }
    }

    private void updateStat(MetricSink sink) throws IOException {
        Stat stat;
        try {
            stat = Stat.parse(read(paths.proc("stat")));
        } catch (IllegalArgumentException e) {
            throw new IOException(paths.proc("stat") + ": " + e.getMessage(), e);
        }
        synchronized (this) {
            remember(stat.cpus());
            for (int cpu = 0; cpu < last.length; cpu++) {
                double[] v = last[cpu];
                String label = cpuLabel(cpu);
                for (int i = 0; i < MODES.length; i++) {
                    sink.add(SECONDS, v[i], label, MODES[i]);
                }
                if (guest) {
                    // Guest time is also counted in user and nice; exported apart as well.
                    sink.add(GUEST, v[GUEST_USER], label, "user");
                    sink.add(GUEST, v[GUEST_NICE], label, "nice");
                }
            }
        }
    }

    /**
     * Takes the new values. As in node_exporter 1.5, CPUs are numbered densely from 0 to the
     * highest number in the file (a CPU missing from the file, being offline, reads as all zeros),
     * and when that count changes the remembered values start afresh.
     */
    private void remember(List<Stat.Cpu> now) throws IOException {
        long highest = -1;
        for (Stat.Cpu cpu : now) {
            highest = Math.max(highest, cpu.cpu());
        }
        if (highest >= MAX_CPUS) {
            throw new IOException(paths.proc("stat") + ": implausible CPU number " + highest);
        }
        int count = (int) (highest + 1);
        double[][] fresh = new double[count][Stat.Cpu.FIELDS];
        for (Stat.Cpu cpu : now) {
            for (int i = 0; i < Stat.Cpu.FIELDS; i++) {
                fresh[(int) cpu.cpu()][i] = cpu.field(i);
            }
        }
        if (last.length != count) {
            last = new double[count][Stat.Cpu.FIELDS];
        }
        for (int cpu = 0; cpu < count; cpu++) {
            update(cpu, last[cpu], fresh[cpu]);
        }
    }

    /** One CPU: keeps the old value of any counter that went backwards, resets on a hot-plug. */
    private static void update(int cpu, double[] last, double[] now) {
        if (last[IDLE] - now[IDLE] >= JUMP_BACK_SECONDS) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("CPU Idle counter jumped backwards more than " + JUMP_BACK_SECONDS
                        + " seconds, possible hotplug event, resetting CPU stats", "cpu", cpu,
                        "old_value", last[IDLE], "new_value", now[IDLE]);
            }
            Arrays.fill(last, 0);
        }
        // Idle first, as node_exporter checks it first.
        take(cpu, last, now, IDLE);
        for (int i = 0; i < Stat.Cpu.FIELDS; i++) {
            if (i != IDLE) {
                take(cpu, last, now, i);
            }
        }
    }

    private static void take(int cpu, double[] last, double[] now, int field) {
        if (now[field] >= last[field]) {
            last[field] = now[field];
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("CPU " + FIELD_NAMES[field] + " counter jumped backwards", "cpu", cpu,
                    "old_value", last[field], "new_value", now[field]);
        }
    }

    private String cpuLabel(int cpu) {
        if (cpu >= labels.length) {
            String[] grown = Arrays.copyOf(labels, Math.max(cpu + 1, labels.length * 2));
            for (int i = labels.length; i < grown.length; i++) {
                grown[i] = Integer.toString(i);
            }
            labels = grown;
        }
        return labels[cpu];
    }

    /**
     * Thermal throttle counts from {@code cpuN/thermal_throttle}: one per package and one per core,
     * each read from the first CPU of that package or core that has it.
     */
    private void updateThermalThrottle(MetricSink sink) throws IOException {
        Path cpuDir = paths.sys("devices", "system", "cpu");
        Map<Long, Long> packageThrottles = new TreeMap<>();
        Map<Long, Map<Long, Long>> coreThrottles = new TreeMap<>();
        for (String name : KernelFiles.list(cpuDir)) {
            if (!isCpuDir(name)) {
                continue;
            }
            Path cpu = cpuDir.resolve(name);
            Path throttle = cpu.resolve("thermal_throttle");
            // Without thermal_throttle a CPU adds nothing; skip its topology reads.
            if (!Files.isDirectory(throttle)) {
                continue;
            }
            Long packageId = readUnsigned(cpu.resolve("topology").resolve("physical_package_id"));
            if (packageId == null) {
                LOG.debug("CPU is missing physical_package_id", "cpu", cpu);
                continue;
            }
            Long coreId = readUnsigned(cpu.resolve("topology").resolve("core_id"));
            if (coreId == null) {
                LOG.debug("CPU is missing core_id", "cpu", cpu);
                continue;
            }
            Map<Long, Long> cores = coreThrottles.computeIfAbsent(packageId, id -> new TreeMap<>());
            if (!cores.containsKey(coreId)) {
                Long count = readUnsigned(throttle.resolve("core_throttle_count"));
                if (count != null) {
                    cores.put(coreId, count);
                } else {
                    LOG.debug("CPU is missing core_throttle_count", "cpu", cpu);
                }
            }
            if (!packageThrottles.containsKey(packageId)) {
                Long count = readUnsigned(throttle.resolve("package_throttle_count"));
                if (count != null) {
                    packageThrottles.put(packageId, count);
                } else {
                    LOG.debug("CPU is missing package_throttle_count", "cpu", cpu);
                }
            }
        }
        packageThrottles.forEach((pkg, count) ->
                sink.add(PACKAGE_THROTTLES, unsignedToDouble(count), Long.toUnsignedString(pkg)));
        coreThrottles.forEach((pkg, cores) -> cores.forEach((core, count) ->
                sink.add(CORE_THROTTLES, unsignedToDouble(count), Long.toUnsignedString(pkg),
                        Long.toUnsignedString(core))));
    }

    /** {@code cpu[0-9]*}, as node_exporter's glob has it. */
    static boolean isCpuDir(String name) {
        return name.length() > 3 && name.startsWith("cpu") && name.charAt(3) >= '0' && name.charAt(3) <= '9';
    }

    /** Go's {@code float64(uint64)}. */
    static double unsignedToDouble(long value) {
        return value >= 0 ? value : Double.parseDouble(Long.toUnsignedString(value));
    }

    /** A sysfs attribute as an unsigned 64-bit number, or null if it is missing or not one. */
    private static Long readUnsigned(Path file) {
        try {
            return Long.parseUnsignedLong(KernelFiles.readTrimmed(file));
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private static String read(Path file) throws IOException {
        try {
            return KernelFiles.read(file);
        } catch (NoSuchFileException e) {
            throw new NoDataException(file + " does not exist");
        }
    }

    private static List<Integer> readIsolated(HostPaths paths) {
        Path file = paths.sys("devices", "system", "cpu", "isolated");
        try {
            return CpuList.parse(KernelFiles.read(file));
        } catch (NoSuchFileException e) {
            LOG.debug("Could not open isolated file", "error", e.getMessage());
            return null;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Unable to get isolated cpus: " + e.getMessage(), e);
        }
    }

    /** Defines the cpu collector's flags, with node_exporter's names, defaults and help. */
    private static final class Factory implements CollectorFactory {
        @Override
        public String name() {
            return "cpu";
        }

        @Override
        public boolean enabledByDefault() {
            return true;
        }

        @Override
        public void defineFlags(FlagSet flags) {
            flags.bool(GUEST_FLAG, "Enables metric node_cpu_guest_seconds_total", true);
            flags.bool(INFO_FLAG, "Enables metric cpu_info", false);
            flags.string(FLAGS_INCLUDE_FLAG,
                    "Filter the `flags` field in cpuInfo with a value that must be a regular expression", "");
            flags.string(BUGS_INCLUDE_FLAG,
                    "Filter the `bugs` field in cpuInfo with a value that must be a regular expression", "");
        }

        @Override
        public Collector create(CollectorContext context) {
            FlagSet flags = context.flags();
            boolean guest = (Boolean) flags.lookup(GUEST_FLAG).get();
            boolean info = (Boolean) flags.lookup(INFO_FLAG).get();
            String flagsInclude = (String) flags.lookup(FLAGS_INCLUDE_FLAG).get();
            String bugsInclude = (String) flags.lookup(BUGS_INCLUDE_FLAG).get();
            if ((!flagsInclude.isEmpty() || !bugsInclude.isEmpty()) && !info) {
                LOG.info("--collector.cpu.info has been set to `true` because you set the following flags, like "
                        + "--collector.cpu.info.flags-include and --collector.cpu.info.bugs-include");
            }
            Pattern flagsPattern;
            Pattern bugsPattern;
            try {
                flagsPattern = flagsInclude.isEmpty() ? null : Pattern.compile(flagsInclude);
                bugsPattern = bugsInclude.isEmpty() ? null : Pattern.compile(bugsInclude);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("fail to compile --collector.cpu.info.flags-include and "
                        + "--collector.cpu.info.bugs-include, the values of them must be regular expressions: "
                        + e.getMessage(), e);
            }
            return new CpuCollector(context.paths(), guest, info, flagsPattern, bugsPattern, CpuInfo.Arch.current());
        }
    }
}
