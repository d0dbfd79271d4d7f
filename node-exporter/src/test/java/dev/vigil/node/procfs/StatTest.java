package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.node.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

public class StatTest {

    /** arm64, Linux 5.15 (4 CPUs, CPU 2 offline), with a steal column and no guest time. */
    public static final String ARM64 = """
            cpu  60455 0 22166 4165478 1730 0 1047 0 0 0
            cpu0 15873 0 5742 1040110 425 0 613 0 0 0
            cpu1 14957 0 5389 1042066 412 0 189 0 0 0
            cpu3 29625 0 11035 2083302 893 0 245 0 0 0
            intr 2914361 0 0 1129735 0 0 0 41862 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 24811 0
            ctxt 4914773
            btime 1700000000
            processes 31177
            procs_running 2
            procs_blocked 0
            softirq 1937405 3 608826 2 23455 66131 0 1015 630171 0 607802
            """;

    /** ppc64le, Linux 4.18 (POWER9 LPAR). */
    public static final String PPC64LE = """
            cpu  2355016 17 620131 226546731 21087 0 11342 9180 0 0
            cpu0 297834 2 88313 28299853 4110 0 3912 1261 0 0
            cpu1 292716 1 76124 28322127 2395 0 1054 1139 0 0
            intr 134004811 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 33 0 0 1 0 0 0 0 0 2 0 0 0
            ctxt 313461209
            btime 1690000000
            processes 2466122
            procs_running 3
            procs_blocked 0
            softirq 93113066 0 29001354 2 1227340 3068089 0 14271 32196347 0 27334663
            """;

    /** s390x, Linux 5.14 (z15 guest): steal time is real there. */
    public static final String S390X = """
            cpu  10853 57 6340 2134018 1023 1410 514 2378 0 0
            cpu0 5488 31 3214 1066427 490 711 286 1191 0 0
            cpu1 5365 26 3126 1067591 533 699 228 1187 0 0
            intr 1042513 0 6413 0 0 0 0 0 0 0 0 0 0 0 0
            ctxt 1853267
            btime 1710000000
            processes 4721
            procs_running 1
            procs_blocked 0
            softirq 412311 0 142113 17 12341 15231 0 2 123817 0 116790
            """;

    /** RHEL 5 era (2.6.18): eight columns, no guest time, no softirq line. */
    public static final String LINUX_2_6_18 = """
            cpu  12837 27 4219 2383312 7726 91 243 0
            cpu0 6402 13 2097 1191808 3821 45 121 0
            cpu1 6435 14 2122 1191504 3905 46 122 0
            intr 2405219 2383563 2 0 1 1 0 0 0 1 0 0 0 4 0 0 17601
            ctxt 1431278
            btime 1280000000
            processes 11250
            procs_running 1
            procs_blocked 0
            """;

    @Test
    void readsTheCapturedX86File() {
        Stat stat = Stat.parse(Fixtures.read("proc/stat"));
        assertEquals(2, stat.cpus().size());
        Stat.Cpu cpu0 = stat.cpus().get(0);
        assertEquals(0, cpu0.cpu());
        assertEquals(492.90, cpu0.user(), 1e-9);
        assertEquals(1525.60, cpu0.idle(), 1e-9);
        assertEquals(0.49, cpu0.steal(), 1e-9);
        assertEquals(-1, stat.total().cpu());
        assertEquals(1047.20, stat.total().user(), 1e-9);
        assertEquals(1379001, stat.interrupts());
        assertEquals(3636909, stat.contextSwitches());
        assertEquals(1795255670, stat.bootTime());
        assertEquals(87826, stat.processesCreated());
        assertEquals(1, stat.processesRunning());
        assertEquals(0, stat.processesBlocked());
        assertEquals(new Stat.SoftIrqs(1335950, 0, 132167, 4, 356576, 171592, 0, 5, 278802, 0, 396804),
                stat.softIrqs());
    }

    @Test
    void keepsCpuNumbersAsWrittenWhenSomeAreOffline() {
        Stat stat = Stat.parse(ARM64);
        assertEquals(List.of(0L, 1L, 3L), stat.cpus().stream().map(Stat.Cpu::cpu).toList());
        assertEquals(new Stat.Cpu(3, 296.25, 0, 110.35, 20833.02, 8.93, 0, 2.45, 0, 0, 0), stat.cpus().get(2));
        assertEquals(2914361, stat.interrupts());
        assertEquals(607802, stat.softIrqs().rcu());
    }

    @Test
    void readsPowerAndS390Files() {
        Stat ppc = Stat.parse(PPC64LE);
        assertEquals(12.61, ppc.cpus().get(0).steal(), 1e-9);
        assertEquals(313461209, ppc.contextSwitches());
        Stat s390 = Stat.parse(S390X);
        assertEquals(7.11, s390.cpus().get(0).irq(), 1e-9);
        assertEquals(11.87, s390.cpus().get(1).steal(), 1e-9);
        assertEquals(142113, s390.softIrqs().timer());
    }

    @Test
    void missingColumnsAreZero() {
        Stat stat = Stat.parse(LINUX_2_6_18);
        assertEquals(new Stat.Cpu(0, 64.02, 0.13, 20.97, 11918.08, 38.21, 0.45, 1.21, 0, 0, 0), stat.cpus().get(0));
        assertNull(stat.softIrqs());
        Stat ancient = Stat.parse("cpu 1 2 3 4\ncpu0 100 200 300 400\n");
        assertEquals(new Stat.Cpu(0, 1, 2, 3, 4, 0, 0, 0, 0, 0, 0), ancient.cpus().get(0));
    }

    @Test
    void readsGuestColumnsAndIgnoresExtraOnes() {
        Stat stat = Stat.parse("cpu0 10 20 30 40 50 60 70 80 90 100 110 120\n");
        assertEquals(new Stat.Cpu(0, .1, .2, .3, .4, .5, .6, .7, .8, .9, 1.0), stat.cpus().get(0));
    }

    @Test
    void toleratesBlankAndUnknownLinesTabsAndCrLf() {
        Stat stat = Stat.parse("\n\ncpu0\t5\t6\r\nnew_field 1 2 3\nlonely\nctxt 7\r\n");
        assertEquals(0.05, stat.cpus().get(0).user(), 1e-12);
        assertEquals(0.06, stat.cpus().get(0).nice(), 1e-12);
        assertEquals(7, stat.contextSwitches());
    }

    @Test
    void emptyFileHasNothing() {
        Stat stat = Stat.parse("");
        assertTrue(stat.cpus().isEmpty());
        assertEquals(0, stat.total().user());
        assertNull(stat.softIrqs());
    }

    @Test
    void readsAVeryLongIntrLine() {
        StringBuilder intr = new StringBuilder("intr 123456789012");
        for (int i = 0; i < 5000; i++) {
            intr.append(' ').append(i);
        }
        Stat stat = Stat.parse("ctxt 1\n" + intr + "\nbtime 2\n");
        assertEquals(123456789012.0, stat.interrupts());
        assertEquals(2, stat.bootTime());
    }

    @Test
    void readsCountersBeyondSignedLongRange() {
        assertEquals(18446744073709551615.0, Stat.parse("ctxt 18446744073709551615\n").contextSwitches());
        assertThrows(IllegalArgumentException.class, () -> Stat.parse("ctxt 18446744073709551616\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu0 1 x 3\n", "cpu0 x\n", "cpuX 1 2\n", "ctxt -1\n", "btime 1.5\n", "intr abc 1\n",
        "processes 12a\n", "procs_running x\n", "procs_blocked 1e3\n", "softirq 1 2 3\n", "softirq 1 2 3 4 5 6 7 8 9 10 x\n"})
    void rejectsBadNumbersInKnownLines(String text) {
        assertThrows(IllegalArgumentException.class, () -> Stat.parse(text));
    }
}
