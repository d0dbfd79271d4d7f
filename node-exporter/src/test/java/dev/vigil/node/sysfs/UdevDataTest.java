package dev.vigil.node.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vigil.node.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UdevDataTest {

    @Test
    void keepsOnlyDeviceProperties() {
        Map<String, String> properties = UdevData.properties("""
                S:disk/by-id/dm-name-vg0-root
                W:7
                I:2739110
                E:DM_NAME=vg0-root
                E:ID_FS_VERSION=LVM2 001
                E:WITH_EQUALS=a=b
                E:NOVALUE
                E:EMPTY=
                G:systemd
                Q:systemd
                V:1
                """);
        assertEquals(Map.of("DM_NAME", "vg0-root", "ID_FS_VERSION", "LVM2 001", "WITH_EQUALS", "a=b", "EMPTY", ""),
                properties);
    }

    @Test
    void readsASataDiskEntry() {
        Map<String, String> sda = UdevData.properties(Fixtures.read("udev/b8:0"));
        assertEquals("ZFN0GTAV", sda.get("SCSI_IDENT_SERIAL"));
        assertEquals("5425", sda.get("ID_ATA_ROTATION_RATE_RPM"));
        assertFalse(sda.containsKey("V"), "database version records are not properties");
        assertFalse(sda.containsKey("disk/by-id/ata-ST4000DM004-2CV104_ZFN0GTAV"), "nor are symlinks");
    }

    @Test
    void lastLineWithoutNewline() {
        assertEquals(Map.of("A", "1"), UdevData.properties("E:A=1"));
        assertEquals(Map.of(), UdevData.properties(""));
    }

    @Test
    void blockDeviceFileName() {
        assertEquals("b259:0", UdevData.blockDeviceFile(259, 0));
    }
}
