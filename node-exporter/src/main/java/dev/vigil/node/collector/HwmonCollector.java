package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.SysfsFiles;
import dev.vigil.node.sysfs.Hwmon;
import dev.vigil.node.sysfs.Hwmon.SensorFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hardware sensors from {@code /sys/class/hwmon} (what lm-sensors shows): temperatures, voltages,
 * fans, currents, power, energy, humidity, intrusion, with {@code node_hwmon_chip_names} and {@code
 * node_hwmon_sensor_label} annotations. Chips are named after their device ({@code
 * platform_coretemp_0}), else their {@code name} file, else their directory; sensors may also sit in
 * the chip's {@code device} directory, as older drivers put them.
 */
public final class HwmonCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("hwmon", true, context -> new HwmonCollector(context.paths()));

    private static final Desc CHIP_NAMES = Desc.gauge("node_hwmon_chip_names",
            "Annotation metric for human-readable chip names", "chip", "chip_name");
    private static final Desc SENSOR_LABEL = Desc.gauge("node_hwmon_sensor_label",
            "Label for given chip and sensor", "chip", "sensor", "label");

    /** hwmon drivers answer a read with at most this much; node_exporter reads no more. */
    private static final int MAX_READ = 128;

    private final HostPaths paths;
    /** Descriptors by metric name; the first HELP seen for a name is kept. */
    private final Map<String, Desc> descs = new ConcurrentHashMap<>();

    public HwmonCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "hwmon";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path classDir = paths.sys("class", "hwmon");
        List<String> entries;
        try {
            entries = SysfsFiles.list(classDir);
        } catch (NoSuchFileException e) {
            throw new NoDataException("hwmon collector metrics are not available for this system");
        }
        IOException last = null;
        for (String entry : entries) {
            Path dir = classDir.resolve(entry);
            if (Files.isSymbolicLink(dir) && !Files.exists(dir)) {
                // node_exporter 1.5 skips a link that leads nowhere but still fails the scrape
                last = new NoSuchFileException(dir.toString(), null, "stat: no such file or directory");
                continue;
            }
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try {
                updateChip(sink, dir);
            } catch (IOException e) {
                last = e;
            }
        }
        if (last != null) {
            throw last;
        }
    }

    private void updateChip(MetricSink sink, Path dir) throws IOException {
        Optional<String> humanName = humanReadableName(dir);
        String chip = chipName(dir, humanName);
        Map<String, Map<String, String>> sensors = new HashMap<>();
        collectSensors(dir, sensors);
        Path device = dir.resolve("device");
        if (Files.exists(device)) {
            collectSensors(device, sensors);
        }
        humanName.ifPresent(name -> sink.add(CHIP_NAMES, 1, chip, name));
        for (Map.Entry<String, Map<String, String>> sensor : sensors.entrySet()) {
            Map<String, String> properties = sensor.getValue();
            String label = properties.get("label");
            if (label != null) {
                sink.add(SENSOR_LABEL, 1, chip, sensor.getKey(), label);
            }
            String type = Hwmon.explode(sensor.getKey()).map(SensorFile::type).orElse("");
            for (Hwmon.Sample sample : Hwmon.samples(type, properties)) {
                Desc desc = descs.computeIfAbsent(sample.name(),
                        name -> new Desc(name, sample.help(), sample.type(), List.of("chip", "sensor")));
                sink.add(desc, sample.value(), chip, sensor.getKey());
            }
        }
    }

    /** Adds the readable sensor files of {@code dir} to {@code sensors}, sensor key to property to value. */
    private static void collectSensors(Path dir, Map<String, Map<String, String>> sensors) throws IOException {
        for (String file : SysfsFiles.list(dir)) {
            Optional<SensorFile> parsed = Hwmon.explode(file);
            if (parsed.isEmpty() || !Hwmon.SENSOR_TYPES.contains(parsed.get().type())) {
                continue;
            }
            String value;
            try {
                value = Hwmon.trimNewlines(SysfsFiles.readOnce(dir.resolve(file), MAX_READ));
            } catch (IOException e) {
                continue; // a sensor the driver cannot read now
            }
            sensors.computeIfAbsent(parsed.get().sensor(), key -> new HashMap<>()).put(parsed.get().property(), value);
        }
    }

    /**
     * The chip label: the device's bus and name ({@code platform_coretemp_0}), else the cleaned
     * {@code name} file, else the directory's own name.
     */
    private static String chipName(Path dir, Optional<String> humanName) throws IOException {
        try {
            Path device = dir.resolve("device").toRealPath();
            Path parent = device.getParent();
            String devName = device.getFileName() == null ? "" : Hwmon.cleanName(device.getFileName().toString());
            String devType = parent == null || parent.getFileName() == null ? ""
                    : Hwmon.cleanName(parent.getFileName().toString());
            if (!devType.isEmpty() && !devName.isEmpty()) {
                return devType + "_" + devName;
            }
            if (!devName.isEmpty()) {
                return devName;
            }
        } catch (IOException e) {
            // no device link: fall through to the name file
        }
        if (humanName.isPresent()) {
            return humanName.get();
        }
        Path real = dir.toRealPath();
        String clean = real.getFileName() == null ? "" : Hwmon.cleanName(real.getFileName().toString());
        if (clean.isEmpty()) {
            throw new IOException("Could not derive a monitoring name for " + dir);
        }
        return clean;
    }

    /** The cleaned {@code name} file, if there is a non-empty one. */
    private static Optional<String> humanReadableName(Path dir) {
        try {
            String clean = Hwmon.cleanName(new String(Files.readAllBytes(dir.resolve("name")), StandardCharsets.UTF_8));
            return clean.isEmpty() ? Optional.empty() : Optional.of(clean);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
