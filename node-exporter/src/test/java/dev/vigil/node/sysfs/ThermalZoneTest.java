package dev.vigil.node.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThermalZoneTest {

    /** Zone temperatures as x86 (acpitz, x86_pkg_temp), ARM SoCs (cpu-thermal) and wifi cards write them. */
    @ParameterizedTest
    @CsvSource({"27800, 27.8", "55000, 55.0", "-5500, -5.5", "0, 0.0", "+42000, 42.0", "05, 0.005", "100000, 100.0"})
    void readsMillidegrees(String temp, double celsius) {
        assertEquals(celsius, ThermalZone.parse("0", "acpitz", "step_wise", temp, null).celsius());
    }

    @ParameterizedTest
    @CsvSource({"abc", "''", "1.5", "27 800", "1_000", "0x10", "99999999999999999999"})
    void rejectsTemperaturesGoRejects(String temp) {
        assertThrows(NumberFormatException.class, () -> ThermalZone.parse("0", "acpitz", "step_wise", temp, null));
    }

    @Test
    void keepsThePassiveTripPointWhenThere() {
        assertEquals(95000L, ThermalZone.parse("1", "acpitz", "step_wise", "1", "95000").passive());
        assertEquals(null, ThermalZone.parse("1", "acpitz", "step_wise", "1", null).passive());
        assertThrows(NumberFormatException.class, () -> ThermalZone.parse("1", "acpitz", "step_wise", "1", "-1"));
    }

    @Test
    void readsCoolingDeviceStatesIncludingPowerclampIdle() {
        assertEquals(new CoolingDevice("1", "intel_powerclamp", -1, 50),
                CoolingDevice.parse("1", "intel_powerclamp", "-1", "50"));
        assertEquals(new CoolingDevice("0", "Processor", 0, 3), CoolingDevice.parse("0", "Processor", "0", "3"));
        assertThrows(NumberFormatException.class, () -> CoolingDevice.parse("2", "Fan", "x", "1"));
    }
}
