package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SysctlTest {

    @Test
    void parsesIncludeFlags() {
        assertEquals(new Sysctl("vm.swappiness", List.of(), true), Sysctl.parse("vm.swappiness", true));
        assertEquals(new Sysctl("net.ipv4.ip_local_port_range", List.of("low", "high"), true),
                Sysctl.parse("net.ipv4.ip_local_port_range:low,high", true));
        assertEquals(new Sysctl("kernel.printk", List.of("a", "b", "c", "d:e"), false),
                Sysctl.parse("kernel.printk:a,b,c,d:e", false));
        assertEquals(List.of(""), Sysctl.parse("x:", true).keys());
        assertEquals("net/ipv4/ip_local_port_range", Sysctl.parse("net.ipv4.ip_local_port_range", true).path());
        assertEquals("fs/file-nr", Sysctl.parse("fs/file-nr", true).path());
    }

    /** /proc/sys contents: tab-separated vectors, space-separated lists, one value with a newline. */
    @Test
    void splitsValues() {
        assertEquals(List.of("32768", "60999"), Sysctl.values("32768\t60999\n"));
        assertEquals(List.of("4", "4", "1", "7"), Sysctl.values("4\t4\t1\t7\n"));
        assertEquals(List.of("kill_process", "kill_thread", "trap"), Sysctl.values("kill_process kill_thread trap\n"));
        assertEquals(List.of("|/usr/lib/systemd/systemd-coredump", "%P"), Sysctl.values("|/usr/lib/systemd/systemd-coredump %P\n"));
        assertEquals(List.of(), Sysctl.values("\n"));
    }

    @Test
    void readsIntegersAsGoBaseZero() {
        Sysctl sysctl = Sysctl.parse("x", true);
        assertArrayEquals(new long[] {352, 0, 2466170}, sysctl.ints(List.of("352", "0", "2466170")));
        assertArrayEquals(new long[] {16, 8, -1}, sysctl.ints(List.of("0x10", "010", "-1")));
        assertThrows(NumberFormatException.class, () -> sysctl.ints(List.of("1", "bbr")));
    }
}
