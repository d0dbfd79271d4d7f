package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.node.procfs.Interrupts.Interrupt;
import dev.vigil.node.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

public class InterruptsTest {

    /** arm64 with GICv3 and ITS, Linux 5.15; IPI0 has counted past ten digits on CPU0. */
    public static final String ARM64 = """
                       CPU0       CPU1      \s
             11:     106419     107124     GICv3  27 Level     arch_timer
             13:          0          0     GICv3  36 Level     ACPI:Ged
             14:       3046          0     GICv3  37 Level     ttyAMA0
             48:          0          0   ITS-MSI 16384 Edge      PCIe PME, aerdrv
             49:       8412          0   ITS-MSI 16385 Edge      nvme0q0
            IPI0:1234567890       3073       Rescheduling interrupts
            IPI1:        81        137       Function call interrupts
            IPI2:         0          0       CPU stop interrupts
            IPI3:         0          0       CPU stop (for crash dump) interrupts
            IPI4:         0          0       Timer broadcast interrupts
            IPI5:     12054      11230       IRQ work interrupts
            IPI6:         0          0       CPU wake-up interrupts
            Err:          0
            """;

    /** POWER9 with XIVE, ppc64le Linux 4.18. */
    public static final String PPC64LE = """
                       CPU0       CPU1      \s
             16:       1570          0  XIVE-IPI   0 Edge      IPI-0
             17:          0       1321  XIVE-IPI   1 Edge      IPI-1
             24:        214          0  XIVE-IRQ 4099 Edge      hvc_console
            LOC:      24521      23810   Local timer interrupts for timer event device
            BCT:          0          0   Broadcast timer interrupts for timer event device
            SPU:          2          4   Spurious interrupts
            PMI:          0          0   Performance monitoring interrupts
            MCE:          0          0   Machine check exceptions
            NMI:          0          0   System Reset interrupts
            DBL:          0          0   Doorbell interrupts
            """;

    /** s390x, Linux 5.14: class totals without text, then per-source counts. */
    public static final String S390X = """
                       CPU0       CPU1      \s
            EXT:      40395      37513\s
            I/O:       1398       1257\s
            AIO:        111         83\s
            CLK:      25384      21917   [EXT] Clock Comparator
            EXC:       8910      10564   [EXT] External Call
            IOD:          0          0   [I/O] DASD
            NMI:          0          0   [NMI] Machine Check
            """;

    @Test
    void readsTheCapturedX86File() {
        List<Interrupt> interrupts = Interrupts.parse(Fixtures.read("proc/interrupts"));
        Interrupt timer = interrupts.stream().filter(i -> i.name().equals("24")).findFirst().orElseThrow();
        assertEquals(new Interrupt("24", "IO-APIC", "5-edge ACPI:Ged", List.of(1.0, 0.0)), timer);
        Interrupt loc = interrupts.stream().filter(i -> i.name().equals("LOC")).findFirst().orElseThrow();
        assertEquals("Local timer interrupts", loc.info());
        assertEquals("", loc.devices());
    }

    @Test
    void readsArm64EvenWhenACountTouchesTheName() {
        List<Interrupt> interrupts = Interrupts.parse(ARM64);
        assertEquals(12, interrupts.size());
        assertEquals(new Interrupt("48", "ITS-MSI", "16384 Edge PCIe PME, aerdrv", List.of(0.0, 0.0)), interrupts.get(3));
        assertEquals(new Interrupt("IPI0", "Rescheduling interrupts", "", List.of(1234567890.0, 3073.0)),
                interrupts.get(5));
        assertEquals("CPU stop (for crash dump) interrupts", interrupts.get(8).info());
    }

    @Test
    void readsPowerAndS390() {
        List<Interrupt> ppc = Interrupts.parse(PPC64LE);
        assertEquals(new Interrupt("16", "XIVE-IPI", "0 Edge IPI-0", List.of(1570.0, 0.0)), ppc.get(0));
        assertEquals("Local timer interrupts for timer event device", ppc.get(3).info());
        List<Interrupt> s390 = Interrupts.parse(S390X);
        assertEquals(List.of("CLK", "EXC", "IOD", "NMI"), s390.stream().map(Interrupt::name).toList());
        assertEquals(new Interrupt("EXC", "[EXT] External Call", "", List.of(8910.0, 10564.0)), s390.get(1));
    }

    @Test
    void aRepeatedNameKeepsItsLastLine() {
        List<Interrupt> interrupts = Interrupts.parse("  CPU0\nLOC: 1 first\nLOC: 2 second\n");
        assertEquals(List.of(new Interrupt("LOC", "second", "", List.of(2.0))), interrupts);
    }

    @Test
    void rejectsEmptyFilesAndBadCounts() {
        assertThrows(IllegalArgumentException.class, () -> Interrupts.parse(""));
        assertThrows(IllegalArgumentException.class, () -> Interrupts.parse("  CPU0  CPU1\nLOC: 1 x Local\n"));
        assertEquals(List.of(), Interrupts.parse("           CPU0\n"));
    }
}
