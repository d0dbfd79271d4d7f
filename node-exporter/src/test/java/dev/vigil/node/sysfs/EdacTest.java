package dev.vigil.node.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class EdacTest {

    /** /sys/devices/system/edac/mc on a Skylake server (sb_edac and skx_edac list dimms, older ones csrows). */
    @Test
    void picksControllersAndRowsAsTheGlobsDo() {
        List<String> mc = List.of("mc0", "mc1", "mc10", "mcX", "mc", "power", "uevent", "mc2abc");
        assertEquals(List.of("mc0", "mc1", "mc10", "mc2abc"), Edac.numbered(mc, "mc"));
        assertEquals(List.of("csrow0", "csrow12"), Edac.numbered(List.of("csrow0", "csrow12", "csrowX", "dimm0",
                "ce_count", "csrow"), "csrow"));
        assertEquals("10", Edac.number("mc10", "mc"));
        assertEquals("2", Edac.number("mc2abc", "mc"));
    }

    @Test
    void readsCounts() {
        assertEquals(7.0, Edac.count(" 7 \n"));
        assertEquals(0.0, Edac.count("0\n"));
        assertEquals(1.8446744073709552E19, Edac.count("18446744073709551615"));
        assertThrows(NumberFormatException.class, () -> Edac.count("-1"));
        assertThrows(NumberFormatException.class, () -> Edac.count(""));
    }
}
