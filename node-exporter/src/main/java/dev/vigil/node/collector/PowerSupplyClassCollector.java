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
import dev.vigil.node.sysfs.PowerSupply;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Batteries, mains adapters and other power supplies from {@code /sys/class/power_supply}: one gauge
 * per known attribute (µA, µV, µWh and µW scaled to base units, tenths of a degree to degrees) and
 * {@code node_power_supply_info} with the text attributes.
 *
 * <p>node_exporter gives each supply's info sample only the labels whose value is not empty, so two
 * supplies may carry different label names. Our exposition wants one label set per family, so every
 * info sample carries all twelve labels, the missing ones empty; Prometheus stores an empty label as
 * no label, so the series are the same.
 */
public final class PowerSupplyClassCollector implements Collector {
    public static final CollectorFactory FACTORY = new Factory();

    /** Metric name to attribute, as given (counts, seconds). */
    private static final String[][] PLAIN = {
        {"authentic", "authentic"}, {"calibrate", "calibrate"}, {"capacity", "capacity"},
        {"capacity_alert_max", "capacity_alert_max"}, {"capacity_alert_min", "capacity_alert_min"},
        {"cyclecount", "cycle_count"}, {"online", "online"}, {"present", "present"},
        {"time_to_empty_seconds", "time_to_empty_now"}, {"time_to_full_seconds", "time_to_full_now"},
    };
    /** Metric name to attribute, in millionths (µA, µV, µAh, µWh, µW). */
    private static final String[][] MICRO = {
        {"current_boot", "current_boot"}, {"current_max", "current_max"}, {"current_ampere", "current_now"},
        {"energy_empty", "energy_empty"}, {"energy_empty_design", "energy_empty_design"},
        {"energy_full", "energy_full"}, {"energy_full_design", "energy_full_design"},
        {"energy_watthour", "energy_now"}, {"voltage_boot", "voltage_boot"}, {"voltage_max", "voltage_max"},
        {"voltage_max_design", "voltage_max_design"}, {"voltage_min", "voltage_min"},
        {"voltage_min_design", "voltage_min_design"}, {"voltage_volt", "voltage_now"},
        {"voltage_ocv", "voltage_ocv"}, {"charge_control_limit", "charge_control_limit"},
        {"charge_control_limit_max", "charge_control_limit_max"}, {"charge_counter", "charge_counter"},
        {"charge_empty", "charge_empty"}, {"charge_empty_design", "charge_empty_design"},
        {"charge_full", "charge_full"}, {"charge_full_design", "charge_full_design"},
        {"charge_ampere", "charge_now"}, {"charge_term_current", "charge_term_current"},
        {"constant_charge_current", "constant_charge_current"},
        {"constant_charge_current_max", "constant_charge_current_max"},
        {"constant_charge_voltage", "constant_charge_voltage"},
        {"constant_charge_voltage_max", "constant_charge_voltage_max"},
        {"precharge_current", "precharge_current"}, {"input_current_limit", "input_current_limit"},
        {"power_watt", "power_now"},
    };
    /** Metric name to attribute, in tenths of a degree Celsius. */
    private static final String[][] DECI = {
        {"temp_celsius", "temp"}, {"temp_alert_max_celsius", "temp_alert_max"},
        {"temp_alert_min_celsius", "temp_alert_min"}, {"temp_ambient_celsius", "temp_ambient"},
        {"temp_ambient_max_celsius", "temp_ambient_max"}, {"temp_ambient_min_celsius", "temp_ambient_min"},
        {"temp_max_celsius", "temp_max"}, {"temp_min_celsius", "temp_min"},
    };
    /** Info label to attribute; {@code power_supply} is the supply's name. */
    private static final String[] INFO_LABELS = {"power_supply", "capacity_level", "charge_type", "health",
        "manufacturer", "model_name", "serial_number", "status", "technology", "type", "usb_type", "scope"};
    private static final Desc INFO = Desc.gauge("node_power_supply_info",
            "info of /sys/class/power_supply/<power_supply>.", INFO_LABELS);

    private final HostPaths paths;
    private final Pattern ignored;
    private final Map<String, Desc> descs = new HashMap<>();

    public PowerSupplyClassCollector(HostPaths paths, String ignoredSupplies) {
        this.paths = paths;
        this.ignored = Pattern.compile(ignoredSupplies);
        for (String[][] group : new String[][][] {PLAIN, MICRO, DECI}) {
            for (String[] metric : group) {
                descs.put(metric[0], Desc.gauge("node_power_supply_" + metric[0],
                        metric[0] + " value of /sys/class/power_supply/<power_supply>.", "power_supply"));
            }
        }
    }

    @Override
    public String name() {
        return "powersupplyclass";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        List<PowerSupply> supplies = new ArrayList<>();
        try {
            Path dir = paths.sys("class", "power_supply");
            for (String name : SysfsFiles.list(dir)) {
                supplies.add(PowerSupply.parse(name, readAttributes(dir.resolve(name))));
            }
        } catch (NoSuchFileException e) {
            throw new NoDataException("no power_supply class: " + e.getFile());
        } catch (IOException | NumberFormatException e) {
            throw new IOException("could not get power_supply class info: error obtaining power_supply class info: "
                    + e.getMessage(), e);
        }
        for (PowerSupply supply : supplies) {
            if (ignored.matcher(supply.name()).find()) {
                continue;
            }
            emit(sink, supply, PLAIN, 1);
            emit(sink, supply, MICRO, 1e6);
            emit(sink, supply, DECI, 10.0);
            String[] info = new String[INFO_LABELS.length];
            info[0] = supply.name();
            for (int i = 1; i < INFO_LABELS.length; i++) {
                info[i] = supply.text(INFO_LABELS[i]);
            }
            sink.add(INFO, 1, info);
        }
    }

    private void emit(MetricSink sink, PowerSupply supply, String[][] metrics, double divisor) {
        for (String[] metric : metrics) {
            Long value = supply.number(metric[1]);
            if (value != null) {
                sink.add(descs.get(metric[0]), value / divisor, supply.name());
            }
        }
    }

    /** The supply's regular files that procfs reads; ones the driver cannot give now are left out. */
    private static Map<String, String> readAttributes(Path dir) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String name : SysfsFiles.list(dir)) {
            if (!PowerSupply.NUMERIC.contains(name) && !PowerSupply.TEXT.contains(name)) {
                continue;
            }
            Path file = dir.resolve(name);
            try {
                values.put(name, SysfsFiles.readNoFollow(file));
            } catch (IOException e) {
                if (SysfsFiles.isNotAttribute(e) || SysfsFiles.isMissing(e) || SysfsFiles.isUnsupported(e)
                        || (e.getMessage() != null && e.getMessage().contains("No such device"))) {
                    continue;
                }
                throw new IOException("failed to read file " + file + ": " + e.getMessage(), e);
            }
        }
        return values;
    }

    /** {@code --collector.powersupplyclass} and {@code --collector.powersupply.ignored-supplies}. */
    private static final class Factory implements CollectorFactory {
        @Override
        public String name() {
            return "powersupplyclass";
        }

        @Override
        public boolean enabledByDefault() {
            return true;
        }

        @Override
        public void defineFlags(FlagSet flags) {
            flags.string("collector.powersupply.ignored-supplies",
                    "Regexp of power supplies to ignore for powersupplyclass collector.", "^$");
        }

        @Override
        public Collector create(CollectorContext context) {
            return new PowerSupplyClassCollector(context.paths(),
                    (String) context.flags().lookup("collector.powersupply.ignored-supplies").get());
        }
    }
}
