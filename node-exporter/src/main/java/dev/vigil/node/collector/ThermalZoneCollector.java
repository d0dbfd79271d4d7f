package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.SysfsFiles;
import dev.vigil.node.sysfs.CoolingDevice;
import dev.vigil.node.sysfs.ThermalZone;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Thermal zone temperatures and cooling device throttle states from {@code /sys/class/thermal}. As
 * in node_exporter 1.5, a host without thermal zones reports nothing and succeeds, a zone or device
 * missing a required attribute fails the collector, and a zone that answers ENODATA is skipped.
 */
public final class ThermalZoneCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("thermal_zone", true, context -> new ThermalZoneCollector(context.paths()));

    private static final Desc ZONE_TEMP = Desc.gauge("node_thermal_zone_temp", "Zone temperature in Celsius",
            "zone", "type");
    private static final Desc CUR_STATE = Desc.gauge("node_cooling_device_cur_state",
            "Current throttle state of the cooling device", "name", "type");
    private static final Desc MAX_STATE = Desc.gauge("node_cooling_device_max_state",
            "Maximum throttle state of the cooling device", "name", "type");

    private final HostPaths paths;

    public ThermalZoneCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "thermal_zone";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path dir = paths.sys("class", "thermal");
        List<String> entries;
        try {
            entries = SysfsFiles.list(dir);
        } catch (NoSuchFileException e) {
            return; // node_exporter globs: no directory, no zones
        }
        List<ThermalZone> zones = new ArrayList<>();
        for (String entry : numbered(entries, "thermal_zone")) {
            ThermalZone zone = readZone(dir.resolve(entry), entry.substring("thermal_zone".length()));
            if (zone != null) {
                zones.add(zone);
            }
        }
        for (ThermalZone zone : zones) {
            sink.add(ZONE_TEMP, zone.celsius(), zone.name(), zone.type());
        }
        List<CoolingDevice> devices = new ArrayList<>();
        for (String entry : numbered(entries, "cooling_device")) {
            Path device = dir.resolve(entry);
            devices.add(parse(() -> CoolingDevice.parse(entry.substring("cooling_device".length()),
                    SysfsFiles.read(device.resolve("type")), SysfsFiles.read(device.resolve("cur_state")),
                    SysfsFiles.read(device.resolve("max_state")))));
        }
        for (CoolingDevice device : devices) {
            sink.add(CUR_STATE, device.curState(), device.name(), device.type());
            sink.add(MAX_STATE, device.maxState(), device.name(), device.type());
        }
    }

    /** A zone, or {@code null} if it answers ENODATA (a sensor that is switched off). */
    private static ThermalZone readZone(Path zone, String name) throws IOException {
        try {
            optional(zone.resolve("mode"));
            String type = SysfsFiles.read(zone.resolve("type"));
            String policy = SysfsFiles.read(zone.resolve("policy"));
            String temp = SysfsFiles.read(zone.resolve("temp"));
            String passive = optional(zone.resolve("passive"));
            return parse(() -> ThermalZone.parse(name, type, policy, temp, passive));
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("No data available")) {
                return null;
            }
            throw e;
        }
    }

    /** An optional attribute: absent or not ours to read is {@code null}. */
    private static String optional(Path file) throws IOException {
        try {
            return SysfsFiles.read(file);
        } catch (IOException e) {
            if (SysfsFiles.isMissing(e) || SysfsFiles.isPermission(e)) {
                return null;
            }
            throw e;
        }
    }

    /** Entries {@code <prefix><digit>...}, as the glob {@code <prefix>[0-9]*} matches them, sorted. */
    private static List<String> numbered(List<String> entries, String prefix) {
        List<String> out = new ArrayList<>();
        for (String entry : entries) {
            if (entry.length() > prefix.length() && entry.startsWith(prefix)
                    && Character.isDigit(entry.charAt(prefix.length())) && entry.charAt(prefix.length()) < 0x80) {
                out.add(entry);
            }
        }
        return out;
    }

    private interface Reader<T> {
        T read() throws IOException;
    }

    private static <T> T parse(Reader<T> reader) throws IOException {
        try {
            return reader.read();
        } catch (NumberFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
