package dev.vigil.node.sysfs;

import dev.vigil.exporter.host.GoStrconv;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One power supply from {@code /sys/class/power_supply/<name>} (a battery, the mains adapter, a USB
 * port, a wireless mouse), as prometheus/procfs 0.8 reads it: the numeric attributes it knows must be
 * integers in Go's base-0 syntax, the text attributes are kept as they are.
 */
public final class PowerSupply {
    /** Numeric attributes procfs reads (and so checks), exported or not. */
    public static final Set<String> NUMERIC = Set.of("authentic", "calibrate", "capacity", "capacity_alert_max",
            "capacity_alert_min", "charge_avg", "charge_control_limit", "charge_control_limit_max", "charge_counter",
            "charge_empty", "charge_empty_design", "charge_full", "charge_full_design", "charge_now",
            "charge_term_current", "constant_charge_current", "constant_charge_current_max", "constant_charge_voltage",
            "constant_charge_voltage_max", "current_avg", "current_boot", "current_max", "current_now", "cycle_count",
            "energy_avg", "energy_empty", "energy_empty_design", "energy_full", "energy_full_design", "energy_now",
            "input_current_limit", "online", "power_avg", "power_now", "precharge_current", "present", "temp",
            "temp_alert_max", "temp_alert_min", "temp_ambient", "temp_ambient_max", "temp_ambient_min", "temp_max",
            "temp_min", "time_to_empty_avg", "time_to_empty_now", "time_to_full_avg", "time_to_full_now",
            "voltage_avg", "voltage_boot", "voltage_max", "voltage_max_design", "voltage_min", "voltage_min_design",
            "voltage_now", "voltage_ocv");

    /** Text attributes procfs reads. */
    public static final Set<String> TEXT = Set.of("capacity_level", "charge_type", "health", "manufacturer",
            "model_name", "scope", "serial_number", "status", "technology", "type", "usb_type");

    private final String name;
    private final Map<String, Long> numbers;
    private final Map<String, String> texts;

    private PowerSupply(String name, Map<String, Long> numbers, Map<String, String> texts) {
        this.name = name;
        this.numbers = numbers;
        this.texts = texts;
    }

    /**
     * The supply from its attributes' trimmed contents, keyed by file name; unknown attributes are
     * ignored.
     *
     * @throws NumberFormatException if a numeric attribute is not an integer
     */
    public static PowerSupply parse(String name, Map<String, String> attributes) {
        Map<String, Long> numbers = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            String key = attribute.getKey();
            String value = attribute.getValue();
            if (NUMERIC.contains(key)) {
                numbers.put(key, GoStrconv.parseInt(value).orElseThrow(() -> new NumberFormatException(
                        "strconv.ParseInt: parsing \"" + value + "\": invalid syntax")));
            } else if (TEXT.contains(key)) {
                texts.put(key, value);
            }
        }
        return new PowerSupply(name, numbers, texts);
    }

    /** The supply's name, the directory name. */
    public String name() {
        return name;
    }

    /** A numeric attribute, or {@code null} if the supply does not have it. */
    public Long number(String attribute) {
        return numbers.get(attribute);
    }

    /** A text attribute, or {@code ""} if the supply does not have it. */
    public String text(String attribute) {
        return texts.getOrDefault(attribute, "");
    }
}
