package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiskstatsTest {

    @Test
    void kernel55HasSeventeenCounters() {
        List<Diskstats.Device> devices = Diskstats.parse("""
                 259       0 nvme0n1 4829136 1123 390227470 1214306 11408736 5107291 1168003944 16419497 2 4291028 17891212 3741 0 1206589936 4289 1154612 261118
                   7       0 loop0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
                """);
        assertEquals(2, devices.size());
        Diskstats.Device nvme = devices.get(0);
        assertEquals(259, nvme.major());
        assertEquals(0, nvme.minor());
        assertEquals("nvme0n1", nvme.name());
        assertEquals(17, nvme.count());
        assertArrayEquals(new long[] {4829136, 1123, 390227470, 1214306, 11408736, 5107291, 1168003944, 16419497, 2,
            4291028, 17891212, 3741, 0, 1206589936, 4289, 1154612, 261118}, nvme.counters());
        assertEquals("loop0", devices.get(1).name());
    }

    @Test
    void kernel418HasFifteenCounters() {
        // CentOS 8 (4.18): discard counters, no flush counters.
        Diskstats.Device sda = Diskstats.parse(
                "   8       0 sda 25354637 34367663 1003346126 18492372 28444756 11134226 505697032 63877960 0 9653692 82621804 0 0 0 0\n")
                .get(0);
        assertEquals(15, sda.count());
        assertEquals(0, sda.counters()[Diskstats.FLUSHES]);
        assertEquals(82621804, sda.counters()[Diskstats.WEIGHTED_IO_MILLIS]);
    }

    @Test
    void oldKernelsHaveElevenCounters() {
        // 3.10 (RHEL 7) and 2.6 formats: no discards.
        List<Diskstats.Device> devices = Diskstats.parse("""
                   1       0 ram0 0 0 0 0 0 0 0 0 0 0 0
                   8       0 sda 25354637 34367663 1003346126 18492372 28444756 11134226 505697032 63877960 0 9653692 82621804
                   8       1 sda1 1 2 3 4
                """);
        assertEquals(2, devices.size(), "the partition with four counters (2.4 kernels) is skipped");
        assertEquals(11, devices.get(1).count());
        assertEquals(9653692, devices.get(1).counters()[Diskstats.IO_MILLIS]);
    }

    @Test
    void extraColumnsAreIgnoredAndBlankLinesSkipped() {
        List<Diskstats.Device> devices = Diskstats.parse(
                "\n 8 0 sda 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20\n\n\t8\t16\tsdb 1 2 3 4 5 6 7 8 9 10 11");
        assertEquals(2, devices.size());
        assertEquals(17, devices.get(0).count());
        assertEquals(17, devices.get(0).counters()[16]);
        assertEquals("sdb", devices.get(1).name());
        assertEquals(11, devices.get(1).count());
        assertEquals(List.of(), Diskstats.parse(""));
    }

    @Test
    void countersAreUnsigned64Bit() {
        Diskstats.Device device = Diskstats.parse("8 0 sda 18446744073709551615 1 2 3 4 5 6 7 8 9 10").get(0);
        assertEquals(-1L, device.counters()[0]);
        assertEquals(18446744073709551615.0, device.counter(0));
        assertEquals(10.0, device.counter(10));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "8 0 sda 1 2 x 4 5 6 7 8 9 10 11",
        "8 0 sda 1 2 -3 4 5 6 7 8 9 10 11",
        "8 0 sda 18446744073709551616 2 3 4 5 6 7 8 9 10 11",
        "4294967296 0 sda 1 2 3 4 5 6 7 8 9 10 11",
    })
    void malformedNumbersFail(String line) {
        assertThrows(IllegalArgumentException.class, () -> Diskstats.parse(line));
    }

    @Test
    void longFileParsesEveryLine() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            text.append("   8 ").append(i).append(" sd").append(i).append(' ');
            long[] values = new long[17];
            Arrays.fill(values, i);
            for (long v : values) {
                text.append(v).append(' ');
            }
            text.append('\n');
        }
        List<Diskstats.Device> devices = Diskstats.parse(text);
        assertEquals(1000, devices.size());
        assertEquals(999, devices.get(999).counters()[16]);
    }
}
