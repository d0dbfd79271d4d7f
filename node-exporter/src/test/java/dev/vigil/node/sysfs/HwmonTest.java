package dev.vigil.node.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.model.MetricType;
import dev.vigil.node.sysfs.Hwmon.Sample;
import dev.vigil.node.sysfs.Hwmon.SensorFile;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class HwmonTest {

    /** File names seen under /sys/class/hwmon on coretemp, nct6775, it87, amdgpu, nvme, acpi power meters. */
    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "temp1_input, temp, 1, input",
        "temp1_crit_alarm, temp, 1, crit_alarm",
        "in0_input, in, 0, input",
        "fan12_min, fan, 12, min",
        "pwm1, pwm, 1, ''",
        "pwm1_auto_point1_temp, pwm, 1, auto_point1_temp",
        "cpu0_vid, cpu, 0, vid",
        "intrusion0_alarm, intrusion, 0, alarm",
        "beep_enable, beep_enable, 0, ''",
        "update_interval, update_interval, 0, ''",
        "vrm, vrm, 0, ''",
        "temp, temp, 0, ''",
        "temp01_input, temp, 1, input",
        "power1_average_interval_max, power, 1, average_interval_max",
        "name, name, 0, ''",
        "temp_input, temp_input, 0, ''",
        "1temp, -, 0, -",
        "temp1x_input, -, 0, -",
        "temp1_, -, 0, -",
        "temp99999999999999999999_input, -, 0, -",
    })
    void explodesFileNames(String file, String type, long number, String property) {
        Optional<SensorFile> parsed = Hwmon.explode(file);
        if (type == null) {
            assertEquals(Optional.empty(), parsed, file);
        } else {
            assertEquals(Optional.of(new SensorFile(type, number, property)), parsed, file);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "coretemp, coretemp",
        "'Package id 0', package_id_0",
        "'nct6775.656', nct6775_656",
        "'ACPI000D:00', acpi000d:00",
        "'  Fan Power (12V)\n', fan_power__12v",
        "'__x__', x",
        "'***', ''",
        "'Ünïcode', n_code",
    })
    void cleansNames(String raw, String clean) {
        assertEquals(clean, Hwmon.cleanName(raw));
    }

    static Stream<Arguments> sensors() {
        return Stream.of(
                Arguments.of("temp", Map.of("input", "55000", "crit", "100000", "label", "Core 0", "type", "4"), List.of(
                        new Sample("node_hwmon_temp_celsius", "Hardware monitor for temperature (input)", MetricType.GAUGE, 55.0),
                        new Sample("node_hwmon_temp_crit_celsius", "Hardware monitor for temperature (crit)", MetricType.GAUGE, 100.0),
                        new Sample("node_hwmon_temp_type", "Hardware monitor temp element type", MetricType.GAUGE, 4.0))),
                // the thermal zone's bare "temp" file, read through an acpitz chip's device link
                Arguments.of("temp", Map.of("", "27800"), List.of(
                        new Sample("node_hwmon_temp_celsius", "Hardware monitor for temperature (input)", MetricType.GAUGE, 27.8))),
                Arguments.of("in", Map.of("", "1200", "input", "1250", "alarm", "0"), List.of(
                        new Sample("node_hwmon_in_volts", "Hardware monitor for voltage ()", MetricType.GAUGE, 1.2),
                        new Sample("node_hwmon_in_input_volts", "Hardware monitor for voltage (input)", MetricType.GAUGE, 1.25),
                        new Sample("node_hwmon_in_alarm", "Hardware sensor alarm status (in)", MetricType.GAUGE, 0.0))),
                Arguments.of("fan", Map.of("input", "1230", "pulses", "2", "beep", "1", "fault", "0"), List.of(
                        new Sample("node_hwmon_fan_rpm", "Hardware monitor for fan revolutions per minute (input)", MetricType.GAUGE, 1230.0),
                        new Sample("node_hwmon_fan_pulses", "Hardware monitor fan element pulses", MetricType.GAUGE, 2.0),
                        new Sample("node_hwmon_fan_beep_enabled", "Hardware monitor sensor has beeping enabled", MetricType.GAUGE, 1.0),
                        new Sample("node_hwmon_fan_fault", "Hardware sensor fault status (fan)", MetricType.GAUGE, 0.0))),
                Arguments.of("power", Map.of("average", "345000000", "accuracy", "95.0%", "average_interval", "1000",
                        "cap", "500000000"), List.of(
                        new Sample("node_hwmon_power_average_watt", "Hardware monitor for power usage in watts (average)", MetricType.GAUGE, 345.0),
                        new Sample("node_hwmon_power_average_interval_seconds",
                                "Hardware monitor power usage update interval (average_interval)", MetricType.GAUGE, 1.0),
                        new Sample("node_hwmon_power_cap_watt", "Hardware monitor for power usage in watts (cap)", MetricType.GAUGE, 500.0))),
                Arguments.of("power", Map.of("accuracy", "950000"), List.of(
                        new Sample("node_hwmon_power_accuracy", "Hardware monitor power meter accuracy, as a ratio", MetricType.GAUGE, 0.95))),
                Arguments.of("energy", Map.of("input", "123456789"), List.of(
                        new Sample("node_hwmon_energy_joule_total", "Hardware monitor for joules used so far (input)", MetricType.COUNTER, 123.456789))),
                Arguments.of("curr", Map.of("input", "1500", "label", "x"), List.of(
                        new Sample("node_hwmon_curr_amps", "Hardware monitor for current (input)", MetricType.GAUGE, 1.5))),
                Arguments.of("humidity", Map.of("input", "45000"), List.of(
                        new Sample("node_hwmon_humidity", "Hardware monitor for humidity, as a ratio (multiply with 100.0 to get"
                                + " the humidity as a percentage) (input)", MetricType.GAUGE, 0.045))),
                Arguments.of("beep_enable", Map.of("", "1"), List.of(
                        new Sample("node_hwmon_beep_enabled", "Hardware beep enabled", MetricType.GAUGE, 1.0))),
                Arguments.of("beep_enable", Map.of("", "yes"), List.of(
                        new Sample("node_hwmon_beep_enabled", "Hardware beep enabled", MetricType.GAUGE, 0.0))),
                Arguments.of("vrm", Map.of("", "100"), List.of(
                        new Sample("node_hwmon_voltage_regulator_version", "Hardware voltage regulator", MetricType.GAUGE, 100.0))),
                Arguments.of("vrm", Map.of("", "n/a"), List.of()),
                Arguments.of("update_interval", Map.of("", "1000"), List.of(
                        new Sample("node_hwmon_update_interval_seconds", "Hardware monitor update interval", MetricType.GAUGE, 1.0))),
                Arguments.of("pwm", Map.of("", "128", "enable", "5"), List.of(
                        new Sample("node_hwmon_pwm", "Hardware monitor pwm element ", MetricType.GAUGE, 128.0),
                        new Sample("node_hwmon_pwm_enable", "Hardware monitor pwm element enable", MetricType.GAUGE, 5.0))),
                Arguments.of("temp", Map.of("input", "42000 ", "max", "+Inf"), List.of(
                        new Sample("node_hwmon_temp_max_celsius", "Hardware monitor for temperature (max)", MetricType.GAUGE,
                                Double.POSITIVE_INFINITY))));
    }

    @ParameterizedTest
    @MethodSource("sensors")
    void turnsPropertiesIntoSamples(String type, Map<String, String> properties, List<Sample> expected) {
        Comparator<Sample> byName = Comparator.comparing(Sample::name);
        assertEquals(expected.stream().sorted(byName).toList(),
                Hwmon.samples(type, new LinkedHashMap<>(properties)).stream().sorted(byName).toList());
    }

    @ParameterizedTest
    @CsvSource({"'55000\n', 55000", "'\n55000\n\n', 55000", "' 1 \n', ' 1 '", "'', ''"})
    void trimsOnlyNewlines(String raw, String trimmed) {
        assertEquals(trimmed, Hwmon.trimNewlines(raw));
    }
}
