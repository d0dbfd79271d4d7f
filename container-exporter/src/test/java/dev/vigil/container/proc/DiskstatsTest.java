package dev.vigil.container.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.host.HostPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskstatsTest {

    @Test
    void readsTheCapturedFileWithItsSeventeenCounterLines() {
        List<DiskStats> all = ProcDiskstats.parse(ProcFixtures.read("procfs/diskstats"));
        assertEquals(10, all.size());
        assertEquals(new DiskStats(254, 0, "vda", 715836, 59775, 24533810, 826136, 966997, 342639, 100887384, 363192,
                0, 170344, 1242309), all.get(8));
        assertEquals(new DeviceNumber(254, 0), all.get(8).deviceNumber());
    }

    @Test
    void cadvisorKeepsScsiVirtioXenAndDeviceMapperOnly() {
        Map<String, DiskStats> kept = ProcDiskstats.cadvisorByDevicePath(
                ProcDiskstats.parse(ProcFixtures.read("procfs/diskstats")));
        assertEquals(List.of("/dev/vda"), List.copyOf(kept.keySet()), "loop and zram dropped");
        for (String name : List.of("sda", "sda1", "sdab12", "vda", "vdb2", "xvda", "xvdf1", "dm-0", "dm-12")) {
            assertTrue(ProcDiskstats.keptByCadvisor(name), name);
        }
        for (String name : List.of("nvme0n1", "nvme0n1p1", "mmcblk0", "md0", "loop0", "sr0", "zram0", "hda", "dm-",
                "sd", "sda1a")) {
            assertFalse(ProcDiskstats.keptByCadvisor(name), name);
        }
    }

    @Test
    void cadvisorDividesMillisecondsByABillion() {
        assertEquals(822227 / 1e9, ProcDiskstats.seconds(822227, true));
        assertEquals(822.227, ProcDiskstats.seconds(822227, false));
        assertEquals(18446744073709551.615, ProcDiskstats.seconds(-1L, false), 1e3);
    }

    @Test
    void oldKernelsElevenCountersParseAndShortLinesAreRejected() {
        assertEquals(1, ProcDiskstats.parse("   8       0 sda 1 2 3 4 5 6 7 8 9 10 11\n").size());
        assertThrows(IllegalArgumentException.class, () -> ProcDiskstats.parse("   8       0 sda 1 2 3 4 5 6 7 8 9 10\n"));
        assertThrows(IllegalArgumentException.class,
                () -> ProcDiskstats.parse("   8       0 sda 1 2 3 4 5 6 7 8 9 10 x\n"));
    }

    @Test
    void readerTreatsAMissingFileAsNoStatsAndAMalformedOneAsAnError(@TempDir Path dir) throws IOException {
        assertEquals(List.of(), new DiskstatsReader(ProcFixtures.under(dir)).readAll());
        ProcFixtures.write(dir, "procfs/diskstats", "8 0 sda 1\n");
        assertThrows(IOException.class, () -> new DiskstatsReader(ProcFixtures.under(dir)).readAll());
        assertEquals(List.of("/dev/vda"),
                List.copyOf(new DiskstatsReader(ProcFixtures.paths()).readCadvisor().keySet()));
    }

    @Test
    void diskMapFromSysBlockLeavesOutLoopRamCdromAndHidden(@TempDir Path dir) throws IOException {
        assertEquals(Map.of(new DeviceNumber(254, 0), "/dev/vda", new DeviceNumber(253, 0), "/dev/zram0"),
                new BlockDevices(ProcFixtures.paths()).disks());
        ProcFixtures.write(dir, "sysfs/block/sda/dev", "8:0\n");
        ProcFixtures.write(dir, "sysfs/block/ram0/dev", "1:0\n");
        ProcFixtures.write(dir, "sysfs/block/sr0/dev", "11:0\n");
        ProcFixtures.write(dir, "sysfs/block/nvme0c0n1/dev", "259:1\n");
        ProcFixtures.write(dir, "sysfs/block/nvme0c0n1/hidden", "1\n");
        ProcFixtures.write(dir, "sysfs/block/nvme0n1/dev", "259:0\n");
        ProcFixtures.write(dir, "sysfs/block/nvme0n1/hidden", "0\n");
        assertEquals(Map.of(new DeviceNumber(8, 0), "/dev/sda", new DeviceNumber(259, 0), "/dev/nvme0n1"),
                new BlockDevices(ProcFixtures.under(dir)).disks());
        assertEquals(Map.of(), new BlockDevices(ProcFixtures.under(dir.resolve("none"))).disks());
    }

    @Test
    void namerPrefersTheMountedFilesystemThenTheDiskElseEmpty() {
        DeviceNamer namer = new DeviceNamer(
                Map.of(new DeviceNumber(8, 1), "/dev/sda1", new DeviceNumber(253, 0), "/dev/mapper/vg-root"),
                Map.of(new DeviceNumber(8, 0), "/dev/sda", new DeviceNumber(253, 0), "/dev/dm-0"));
        assertEquals("/dev/sda1", namer.name(8, 1));
        assertEquals("/dev/sda", namer.name(8, 0));
        assertEquals("/dev/mapper/vg-root", namer.name(253, 0));
        assertEquals("", namer.name(7, 0));
        assertEquals(new DeviceNumber(259, 10), DeviceNumber.parse("259:10\n"));
        assertThrows(IllegalArgumentException.class, () -> DeviceNumber.parse("259"));
    }

    @Test
    void liveThisHostsDiskstatsAndDiskMap() throws IOException {
        HostPaths host = HostPaths.defaults();
        List<DiskStats> all = new DiskstatsReader(host).readAll();
        assertFalse(all.isEmpty());
        Map<DeviceNumber, String> disks = new BlockDevices(host).disks();
        for (Map.Entry<DeviceNumber, String> disk : disks.entrySet()) {
            assertTrue(disk.getValue().startsWith("/dev/") && !disk.getValue().startsWith("/dev/loop"), disk.toString());
            String name = disk.getValue().substring(5);
            assertTrue(all.stream().anyMatch(d -> d.name().equals(name) && d.deviceNumber().equals(disk.getKey())),
                    "every disk has its diskstats line: " + disk);
        }
    }
}
