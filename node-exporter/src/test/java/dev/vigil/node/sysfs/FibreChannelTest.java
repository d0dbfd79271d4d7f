package dev.vigil.node.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.node.procfs.Unsigned;
import org.junit.jupiter.api.Test;

class FibreChannelTest {

    @Test
    void namesLoseTheirHexPrefix() {
        assertEquals("10000090fa1b2c3d", FibreChannel.attribute("port_name", "0x10000090fa1b2c3d"));
        assertEquals("010a00", FibreChannel.attribute("port_id", "0x010a00"));
        assertEquals("0x", FibreChannel.attribute("fabric_name", "0x"));
        assertEquals("0x10", FibreChannel.attribute("speed", "0x10"), "only the four names");
    }

    @Test
    void countersAreHexadecimalOrAnyGoBase() {
        assertEquals(0x3ed19b4dL, FibreChannel.counter("0x3ed19b4d"));
        assertEquals(FibreChannel.NOT_IMPLEMENTED, FibreChannel.counter("0xffffffffffffffff"));
        assertEquals(42, FibreChannel.counter("42"));
        assertEquals(8, FibreChannel.counter("010"), "a leading zero means octal, as strconv base 0");
        assertEquals(5, FibreChannel.counter("0b101"));
        assertEquals(4096, Unsigned.parseAnyBase("0x10_00"));
        assertThrows(IllegalArgumentException.class, () -> FibreChannel.counter(""));
        assertThrows(IllegalArgumentException.class, () -> FibreChannel.counter("0x"));
        assertThrows(IllegalArgumentException.class, () -> FibreChannel.counter("-1"));
        assertThrows(IllegalArgumentException.class, () -> FibreChannel.counter("0x1ffffffffffffffff"));
    }
}
