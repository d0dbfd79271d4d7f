package dev.vigil.node.sysfs;

import dev.vigil.exporter.host.GoStrconv;
import dev.vigil.model.MetricType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The naming rules of node_exporter 1.5's hwmon collector: how a file name in {@code
 * /sys/class/hwmon/hwmonN} splits into sensor type, number and property ({@code temp1_crit_alarm}
 * is type {@code temp}, sensor {@code temp1}, property {@code crit_alarm}), how chip and property
 * names are cleaned, and which metric (name, unit scaling, HELP) each property becomes.
 */
public final class Hwmon {
    /** The sensor types node_exporter 1.5 reads; other files in the directory are ignored. */
    public static final Set<String> SENSOR_TYPES = Set.of("vrm", "beep_enable", "update_interval", "in", "cpu",
            "fan", "pwm", "temp", "curr", "power", "energy", "humidity", "intrusion");

    private Hwmon() {
    }

    /** A sensor file name split up; {@code number} is 0 when the name has none. */
    public record SensorFile(String type, long number, String property) {
        /** The sensor's key, as node_exporter labels it: type and number, {@code temp1}. */
        public String sensor() {
            return type + number;
        }
    }

    /** One metric sample a sensor property turns into. */
    public record Sample(String name, String help, MetricType type, double value) {
    }

    /**
     * Splits a file name as node_exporter's {@code ^(?P<type>[^0-9]+)(?P<id>[0-9]*)?(_(?P<property>.+))?$}
     * does; empty if the name does not have that shape.
     */
    public static Optional<SensorFile> explode(String filename) {
        int n = filename.length();
        int digit = 0;
        while (digit < n && !isDigit(filename.charAt(digit))) {
            digit++;
        }
        if (digit == 0) {
            return Optional.empty();
        }
        if (digit == n) {
            return Optional.of(new SensorFile(filename, 0, ""));
        }
        int end = digit;
        while (end < n && isDigit(filename.charAt(end))) {
            end++;
        }
        String property;
        if (end == n) {
            property = "";
        } else if (filename.charAt(end) == '_' && end + 1 < n) {
            property = filename.substring(end + 1);
        } else {
            return Optional.empty();
        }
        long number;
        try {
            number = Long.parseLong(filename.substring(digit, end));
        } catch (NumberFormatException e) {
            return Optional.empty(); // Go's Atoi overflows too
        }
        return Optional.of(new SensorFile(filename.substring(0, digit), number, property));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * node_exporter's {@code cleanMetricName}: lower case, every character outside {@code
     * [a-z0-9:_]} replaced by {@code _}, underscores trimmed from both ends.
     */
    public static String cleanName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        lower.codePoints().forEach(c -> out.append(
                (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ':' || c == '_' ? (char) c : '_'));
        int start = 0;
        int end = out.length();
        while (start < end && out.charAt(start) == '_') {
            start++;
        }
        while (end > start && out.charAt(end - 1) == '_') {
            end--;
        }
        return out.substring(start, end);
    }

    /**
     * The samples one sensor gives, from its properties' raw values (file contents without their
     * newlines), keyed by property ({@code ""} for a bare {@code fan1}, {@code "label"} for the label).
     * The label itself is not among them.
     */
    public static List<Sample> samples(String sensorType, Map<String, String> properties) {
        List<Sample> out = new ArrayList<>();
        switch (sensorType) {
            case "beep_enable" -> {
                out.add(new Sample("node_hwmon_beep_enabled", "Hardware beep enabled", MetricType.GAUGE,
                        "1".equals(properties.get("")) ? 1 : 0));
                return out;
            }
            case "vrm" -> {
                parse(properties.get("")).ifPresent(v -> out.add(new Sample("node_hwmon_voltage_regulator_version",
                        "Hardware voltage regulator", MetricType.GAUGE, v)));
                return out;
            }
            case "update_interval" -> {
                parse(properties.get("")).ifPresent(v -> out.add(new Sample("node_hwmon_update_interval_seconds",
                        "Hardware monitor update interval", MetricType.GAUGE, v * 0.001)));
                return out;
            }
            default -> {
            }
        }
        String prefix = "node_hwmon_" + sensorType;
        for (Map.Entry<String, String> property : properties.entrySet()) {
            String element = property.getKey();
            if (element.equals("label")) {
                continue;
            }
            String name = prefix;
            if (element.equals("input")) {
                if (properties.containsKey("")) {
                    name = name + "_input"; // both fan1 and fan1_input: the latter keeps its suffix
                }
            } else if (!element.isEmpty()) {
                name = name + "_" + cleanName(element);
            }
            Optional<Double> parsed = parse(property.getValue());
            if (parsed.isEmpty()) {
                continue;
            }
            out.add(sample(sensorType, element, name, parsed.get()));
        }
        return out;
    }

    private static Sample sample(String type, String element, String name, double value) {
        if (element.equals("fault") || element.equals("alarm")) {
            return gauge(name, "Hardware sensor " + element + " status (" + type + ")", value);
        }
        if (element.equals("beep")) {
            return gauge(name + "_enabled", "Hardware monitor sensor has beeping enabled", value);
        }
        if (type.equals("in") || type.equals("cpu")) {
            return gauge(name + "_volts", "Hardware monitor for voltage (" + element + ")", value * 0.001);
        }
        if (type.equals("temp") && !element.equals("type")) {
            String shown = element.isEmpty() ? "input" : element;
            return gauge(name + "_celsius", "Hardware monitor for temperature (" + shown + ")", value * 0.001);
        }
        if (type.equals("curr")) {
            return gauge(name + "_amps", "Hardware monitor for current (" + element + ")", value * 0.001);
        }
        if (type.equals("energy")) {
            return new Sample(name + "_joule_total", "Hardware monitor for joules used so far (" + element + ")",
                    MetricType.COUNTER, value / 1000000.0);
        }
        if (type.equals("power") && element.equals("accuracy")) {
            return gauge(name, "Hardware monitor power meter accuracy, as a ratio", value / 1000000.0);
        }
        if (type.equals("power") && (element.equals("average_interval") || element.equals("average_interval_min")
                || element.equals("average_interval_max"))) {
            return gauge(name + "_seconds", "Hardware monitor power usage update interval (" + element + ")",
                    value * 0.001);
        }
        if (type.equals("power")) {
            return gauge(name + "_watt", "Hardware monitor for power usage in watts (" + element + ")",
                    value / 1000000.0);
        }
        if (type.equals("humidity")) {
            return gauge(name, "Hardware monitor for humidity, as a ratio (multiply with 100.0 to get the humidity"
                    + " as a percentage) (" + element + ")", value / 1000000.0);
        }
        if (type.equals("fan") && (element.equals("input") || element.equals("min") || element.equals("max")
                || element.equals("target"))) {
            return gauge(name + "_rpm", "Hardware monitor for fan revolutions per minute (" + element + ")", value);
        }
        return gauge(name, "Hardware monitor " + type + " element " + element, value);
    }

    private static Sample gauge(String name, String help, double value) {
        return new Sample(name, help, MetricType.GAUGE, value);
    }

    private static Optional<Double> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        var parsed = GoStrconv.parseFloat(value);
        return parsed.isPresent() ? Optional.of(parsed.getAsDouble()) : Optional.empty();
    }

    /** Go's {@code strings.Trim(s, "\n")}: sensor values keep any other white space. */
    public static String trimNewlines(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && raw.charAt(start) == '\n') {
            start++;
        }
        while (end > start && raw.charAt(end - 1) == '\n') {
            end--;
        }
        return raw.substring(start, end);
    }
}
