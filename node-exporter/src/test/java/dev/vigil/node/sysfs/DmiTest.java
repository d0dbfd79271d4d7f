package dev.vigil.node.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DmiTest {

    /** A QEMU guest's /sys/class/dmi/id as a non-root user reads it (no serials, no uuid). */
    @Test
    void labelsAQemuGuest() {
        Dmi.Labels labels = Dmi.labels(Map.of("bios_date", "04/01/2014", "bios_vendor", "SeaBIOS",
                "bios_version", "1.16.2-debian-1.16.2-1", "chassis_type", "1", "chassis_vendor", "QEMU",
                "chassis_version", "pc-q35-8.1", "product_name", "Standard PC (Q35 + ICH9, 2009)",
                "product_version", "pc-q35-8.1", "sys_vendor", "QEMU"));
        assertEquals(List.of("bios_date", "bios_vendor", "bios_version", "chassis_vendor", "chassis_version",
                "product_name", "product_version", "system_vendor"), labels.names());
        assertEquals(List.of("04/01/2014", "SeaBIOS", "1.16.2-debian-1.16.2-1", "QEMU", "pc-q35-8.1",
                "Standard PC (Q35 + ICH9, 2009)", "pc-q35-8.1", "QEMU"), labels.values());
    }

    @Test
    void labelsNothingWithoutKnownAttributes() {
        assertEquals(new Dmi.Labels(List.of(), List.of()), Dmi.labels(Map.of("chassis_type", "10", "power", "")));
    }
}
