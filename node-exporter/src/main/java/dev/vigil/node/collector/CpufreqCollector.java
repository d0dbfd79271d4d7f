package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * CPU frequencies from {@code /sys/devices/system/cpu/cpuN/cpufreq}, in hertz (sysfs gives kHz).
 * A CPU without a cpufreq directory (most virtual machines) adds nothing. Within a cpufreq
 * directory the frequency files are optional ({@code cpuinfo_cur_freq} is root-only) while the
 * driver's text attributes must exist, as prometheus/procfs requires.
 */
public final class CpufreqCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("cpufreq", true, context -> new CpufreqCollector(context.paths()));

    private static final double HERTZ_PER_KILOHERTZ = 1000.0;

    private static final Desc FREQUENCY = Desc.gauge("node_cpu_frequency_hertz",
            "Current cpu thread frequency in hertz.", "cpu");
    private static final Desc FREQUENCY_MIN = Desc.gauge("node_cpu_frequency_min_hertz",
            "Minimum cpu thread frequency in hertz.", "cpu");
    private static final Desc FREQUENCY_MAX = Desc.gauge("node_cpu_frequency_max_hertz",
            "Maximum cpu thread frequency in hertz.", "cpu");
    private static final Desc SCALING = Desc.gauge("node_cpu_scaling_frequency_hertz",
            "Current scaled CPU thread frequency in hertz.", "cpu");
    private static final Desc SCALING_MIN = Desc.gauge("node_cpu_scaling_frequency_min_hertz",
            "Minimum scaled CPU thread frequency in hertz.", "cpu");
    private static final Desc SCALING_MAX = Desc.gauge("node_cpu_scaling_frequency_max_hertz",
            "Maximum scaled CPU thread frequency in hertz.", "cpu");

    /** The kHz attributes, in the order exported, with their descriptors. */
    private static final String[] FREQUENCY_FILES = {"cpuinfo_cur_freq", "cpuinfo_min_freq", "cpuinfo_max_freq",
        "scaling_cur_freq", "scaling_min_freq", "scaling_max_freq"};
    private static final Desc[] FREQUENCY_DESCS = {FREQUENCY, FREQUENCY_MIN, FREQUENCY_MAX, SCALING, SCALING_MIN,
        SCALING_MAX};
    /** Required though no metric uses them, as procfs requires them. */
    private static final String[] REQUIRED_TEXT_FILES = {"scaling_available_governors", "scaling_driver",
        "scaling_governor", "related_cpus", "scaling_setspeed"};

    private final HostPaths paths;

    public CpufreqCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "cpufreq";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path cpuDir = paths.sys("devices", "system", "cpu");
        List<String> cpus = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        for (String name : KernelFiles.list(cpuDir)) {
            Path cpufreq = cpuDir.resolve(name).resolve("cpufreq");
            if (CpuCollector.isCpuDir(name) && Files.isDirectory(cpufreq)) {
                cpus.add(name.substring(3));
                dirs.add(cpufreq);
            }
        }
        List<double[]> values = readAll(dirs);
        for (int c = 0; c < cpus.size(); c++) {
            double[] v = values.get(c);
            for (int i = 0; i < FREQUENCY_FILES.length; i++) {
                if (!Double.isNaN(v[i])) {
                    sink.add(FREQUENCY_DESCS[i], v[i] * HERTZ_PER_KILOHERTZ, cpus.get(c));
                }
            }
        }
    }

    /**
     * Reads every CPU's directory. The kernel may make a frequency read wait for a fresh sample
     * (about 10 ms per CPU on some kernels), so with several CPUs the reads run in parallel on
     * virtual threads, as node_exporter runs them on goroutines.
     */
    private static List<double[]> readAll(List<Path> dirs) throws IOException {
        List<double[]> out = new ArrayList<>(dirs.size());
        if (dirs.size() <= 1) {
            for (Path dir : dirs) {
                out.add(read(dir));
            }
            return out;
        }
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<double[]>> futures = new ArrayList<>(dirs.size());
            for (Path dir : dirs) {
                futures.add(executor.submit(() -> read(dir)));
            }
            for (Future<double[]> future : futures) {
                out.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading cpufreq", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
        return out;
    }

    /** One CPU's frequencies in kHz (NaN where absent), after checking its other attributes. */
    private static double[] read(Path cpufreq) throws IOException {
        double[] values = new double[FREQUENCY_FILES.length];
        for (int i = 0; i < FREQUENCY_FILES.length; i++) {
            values[i] = readKilohertz(cpufreq.resolve(FREQUENCY_FILES[i]));
        }
        readUnsigned(cpufreq.resolve("cpuinfo_transition_latency"));
        for (String file : REQUIRED_TEXT_FILES) {
            if (!Files.exists(cpufreq.resolve(file))) {
                throw new NoDataException(cpufreq.resolve(file) + " does not exist");
            }
        }
        return values;
    }

    /** A kHz attribute, or NaN if it is missing or not readable. */
    private static double readKilohertz(Path file) throws IOException {
        Long value = readUnsigned(file);
        return value == null ? Double.NaN : CpuCollector.unsignedToDouble(value);
    }

    /** An unsigned attribute, or null if it is missing or not readable; fails if it is not a number. */
    private static Long readUnsigned(Path file) throws IOException {
        String text;
        try {
            text = KernelFiles.readTrimmed(file);
        } catch (NoSuchFileException | AccessDeniedException e) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": not an unsigned integer: \"" + text + "\"", e);
        }
    }
}
