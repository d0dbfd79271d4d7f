package dev.vigil.node.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PowerSupplyTest {

    /** A ThinkPad battery (energy in µWh), as its attributes read. */
    @Test
    void readsALaptopBattery() {
        PowerSupply bat = PowerSupply.parse("BAT0", Map.of("capacity", "98", "capacity_level", "Normal",
                "energy_now", "49450000", "voltage_now", "12229000", "status", "Discharging", "alarm", "2369000",
                "charge_control_end_threshold", "80"));
        assertEquals("BAT0", bat.name());
        assertEquals(98L, bat.number("capacity"));
        assertEquals(49450000L, bat.number("energy_now"));
        assertEquals("Discharging", bat.text("status"));
        assertNull(bat.number("alarm"), "not an attribute procfs knows");
        assertNull(bat.number("charge_now"));
        assertEquals("", bat.text("health"));
    }

    /** A phone charger IC (charge in µAh, temperatures in tenths of a degree, hex from some drivers). */
    @Test
    void readsChargerAttributes() {
        PowerSupply charger = PowerSupply.parse("bq27441", Map.of("charge_now", "1500000", "temp", "-255",
                "constant_charge_current_max", "0x1e8480", "usb_type", "[C] PD PD_PPS"));
        assertEquals(-255L, charger.number("temp"));
        assertEquals(2000000L, charger.number("constant_charge_current_max"));
        assertEquals("[C] PD PD_PPS", charger.text("usb_type"));
    }

    @Test
    void rejectsNumbersThatAreNot() {
        assertThrows(NumberFormatException.class, () -> PowerSupply.parse("X", Map.of("capacity", "abc")));
        assertThrows(NumberFormatException.class, () -> PowerSupply.parse("X", Map.of("power_avg", "")));
        assertEquals("anything", PowerSupply.parse("X", Map.of("manufacturer", "anything")).text("manufacturer"));
    }
}
