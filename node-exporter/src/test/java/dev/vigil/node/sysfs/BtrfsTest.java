package dev.vigil.node.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BtrfsTest {

    @ParameterizedTest
    @CsvSource({"single, 1, 1", "raid0, 4, 1", "dup, 1, 2", "raid1, 2, 2", "raid10, 4, 2", "raid5, 3, 1.5",
        "raid6, 4, 2", "raid1c3, 3, 0", "raid1c4, 4, 0", "unknown, 2, 0"})
    void allocationRatio(String layout, int devices, double ratio) {
        assertEquals(ratio, Btrfs.ratio(layout, devices));
    }

    @Test
    void valuesThatDoNotParseAreZero() {
        assertEquals(4096, Btrfs.value("4096\n"));
        assertEquals(16384, Btrfs.value("  16384  "));
        assertEquals(0, Btrfs.value(""));
        assertEquals(0, Btrfs.value("abc"));
        assertEquals(0, Btrfs.value("-1"));
        assertEquals(-1, Btrfs.value("18446744073709551615"));
        assertEquals(0, Btrfs.value("18446744073709551616"));
    }
}
