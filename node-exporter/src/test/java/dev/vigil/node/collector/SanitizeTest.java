package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SanitizeTest {

    @ParameterizedTest
    @CsvSource({
        "package_joules_total, package_joules_total",
        "psys-x_joules_total, psys_x_joules_total",
        "package-0-die-1_joules_total, package_0_die_1_joules_total",
        "a__-__b, a_b",
        "a_b-c, a_b_c",
        "x.y z, x_y_z",
        "--lead, _lead",
        "trail__., trail_",
        "ünï, _n_",
    })
    void sanitizesMetricNamesAsNodeExporter(String name, String sanitized) {
        assertEquals(sanitized, Sanitize.metricName(name));
    }
}
