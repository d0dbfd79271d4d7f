package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.node.procfs.CpuInfo.Arch;
import dev.vigil.node.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

public class CpuInfoTest {

    /** Two sockets of an Intel Xeon with hyper-threading, first four logical CPUs (Linux 5.15). */
    public static final String X86_XEON = """
            processor	: 0
            vendor_id	: GenuineIntel
            cpu family	: 6
            model		: 85
            model name	: Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz
            stepping	: 7
            microcode	: 0x5003302
            cpu MHz		: 2100.000
            cache size	: 28160 KB
            physical id	: 0
            siblings	: 40
            core id		: 0
            cpu cores	: 20
            apicid		: 0
            initial apicid	: 0
            fpu		: yes
            fpu_exception	: yes
            cpuid level	: 22
            wp		: yes
            flags		: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush dts acpi mmx fxsr sse sse2 ss ht tm pbe syscall nx pdpe1gb rdtscp lm constant_tsc art arch_perfmon pebs bts rep_good nopl xtopology nonstop_tsc cpuid aperfmperf pni pclmulqdq dtes64 monitor ds_cpl vmx smx est tm2 ssse3 sdbg fma cx16 xtpr pdcm pcid dca sse4_1 sse4_2 x2apic movbe popcnt tsc_deadline_timer aes xsave avx f16c rdrand lahf_lm abm 3dnowprefetch cpuid_fault epb cat_l3 cdp_l3 invpcid_single intel_ppin ssbd mba ibrs ibpb stibp ibrs_enhanced tpr_shadow vnmi flexpriority ept vpid ept_ad fsgsbase tsc_adjust bmi1 avx2 smep bmi2 erms invpcid cqm mpx rdt_a avx512f avx512dq rdseed adx smap clflushopt clwb intel_pt avx512cd avx512bw avx512vl xsaveopt xsavec xgetbv1 xsaves cqm_llc cqm_occup_llc cqm_mbm_total cqm_mbm_local dtherm ida arat pln pts pku ospke avx512_vnni md_clear flush_l1d arch_capabilities
            vmx flags	: vnmi preemption_timer posted_intr invvpid ept_x_only ept_ad ept_1gb flexpriority apicv tsc_offset vtpr mtf vapic ept vpid unrestricted_guest vapic_reg vid ple shadow_vmcs pml ept_mode_based_exec tsc_scaling
            bugs		: spectre_v1 spectre_v2 spec_store_bypass swapgs taa itlb_multihit mmio_stale_data retbleed eibrs_pbrsb
            bogomips	: 4200.00
            clflush size	: 64
            cache_alignment	: 64
            address sizes	: 46 bits physical, 48 bits virtual
            power management:

            processor	: 1
            vendor_id	: GenuineIntel
            cpu family	: 6
            model		: 85
            model name	: Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz
            stepping	: 7
            microcode	: 0x5003302
            cpu MHz		: 2100.000
            cache size	: 28160 KB
            physical id	: 1
            siblings	: 40
            core id		: 0
            cpu cores	: 20
            flags		: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush dts acpi mmx fxsr sse sse2 ss ht tm pbe syscall nx pdpe1gb rdtscp lm constant_tsc art arch_perfmon pebs bts rep_good nopl xtopology nonstop_tsc cpuid aperfmperf pni pclmulqdq dtes64 monitor ds_cpl vmx smx est tm2 ssse3 sdbg fma cx16 xtpr pdcm pcid dca sse4_1 sse4_2 x2apic movbe popcnt tsc_deadline_timer aes xsave avx f16c rdrand lahf_lm abm 3dnowprefetch cpuid_fault epb cat_l3 cdp_l3 invpcid_single intel_ppin ssbd mba ibrs ibpb stibp ibrs_enhanced tpr_shadow vnmi flexpriority ept vpid ept_ad fsgsbase tsc_adjust bmi1 avx2 smep bmi2 erms invpcid cqm mpx rdt_a avx512f avx512dq rdseed adx smap clflushopt clwb intel_pt avx512cd avx512bw avx512vl xsaveopt xsavec xgetbv1 xsaves cqm_llc cqm_occup_llc cqm_mbm_total cqm_mbm_local dtherm ida arat pln pts pku ospke avx512_vnni md_clear flush_l1d arch_capabilities
            bugs		: spectre_v1 spectre_v2 spec_store_bypass swapgs taa itlb_multihit mmio_stale_data retbleed eibrs_pbrsb
            power management:

            processor	: 2
            vendor_id	: GenuineIntel
            cpu family	: 6
            model		: 85
            model name	: Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz
            stepping	: 7
            microcode	: 0x5003302
            cache size	: 28160 KB
            physical id	: 0
            core id		: 1
            flags		: fpu vme de pse
            bugs		: spectre_v1 spectre_v2 spec_store_bypass swapgs taa itlb_multihit mmio_stale_data retbleed eibrs_pbrsb

            processor	: 3
            vendor_id	: GenuineIntel
            cpu family	: 6
            model		: 85
            model name	: Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz
            stepping	: 7
            microcode	: 0x5003302
            cache size	: 28160 KB
            physical id	: 1
            core id		: 1
            flags		: fpu vme de pse
            bugs		:

            """;

    /** AWS Graviton2 (Neoverse-N1), Linux 5.10: no model name, flags under Features. */
    public static final String ARM64 = """
            processor	: 0
            BogoMIPS	: 243.75
            Features	: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp ssbs
            CPU implementer	: 0x41
            CPU architecture: 8
            CPU variant	: 0x3
            CPU part	: 0xd0c
            CPU revision	: 1

            processor	: 1
            BogoMIPS	: 243.75
            Features	: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp ssbs
            CPU implementer	: 0x41
            CPU architecture: 8
            CPU variant	: 0x3
            CPU part	: 0xd0c
            CPU revision	: 1

            """;

    /** Raspberry Pi 3, 32-bit Linux 4.19: a model name per CPU and a board section at the end. */
    public static final String ARMV7 = """
            processor	: 0
            model name	: ARMv7 Processor rev 4 (v7l)
            BogoMIPS	: 38.40
            Features	: half thumb fastmult vfp edsp neon vfpv3 tls vfpv4 idiva idivt vfpd32 lpae evtstrm crc32\s
            CPU implementer	: 0x41
            CPU architecture: 7
            CPU variant	: 0x0
            CPU part	: 0xd03
            CPU revision	: 4

            processor	: 1
            model name	: ARMv7 Processor rev 4 (v7l)
            BogoMIPS	: 38.40
            Features	: half thumb fastmult vfp edsp neon vfpv3 tls vfpv4 idiva idivt vfpd32 lpae evtstrm crc32\s
            CPU implementer	: 0x41
            CPU architecture: 7
            CPU variant	: 0x0
            CPU part	: 0xd03
            CPU revision	: 4

            Hardware	: BCM2835
            Revision	: a02082
            Serial		: 0000000000000000
            Model		: Raspberry Pi 3 Model B Rev 1.2
            """;

    /** An ARMv5 board on Linux 3.2: one "Processor" line naming the model, no processor numbers. */
    public static final String ARMV5_SINGLE = """
            Processor	: Feroceon 88FR131 rev 1 (v5l)
            BogoMIPS	: 1192.75
            Features	: swp half thumb fastmult edsp\s
            CPU implementer	: 0x56
            CPU architecture: 5TE
            CPU variant	: 0x2
            CPU part	: 0x131
            CPU revision	: 1

            Hardware	: Marvell SheevaPlug Reference Board
            Revision	: 0000
            Serial		: 0000000000000000
            """;

    /** A dual Cortex-A9 on Linux 3.0: the model first, then numbered processors. */
    public static final String ARMV7_OLD_SMP = """
            Processor	: ARMv7 Processor rev 10 (v7l)
            processor	: 0
            BogoMIPS	: 790.52

            processor	: 1
            BogoMIPS	: 790.52

            Features	: swp half thumb fastmult vfp edsp neon vfpv3 tls\s
            CPU implementer	: 0x41
            CPU architecture: 7
            CPU variant	: 0x2
            CPU part	: 0xc09
            CPU revision	: 10

            Hardware	: Freescale i.MX 6Quad SABRE Smart Device Board
            Revision	: 63012
            Serial		: 0000000000000000
            """;

    /** POWER9 LPAR, ppc64le Linux 4.18. */
    public static final String PPC64LE = """
            processor	: 0
            cpu		: POWER9 (architected), altivec supported
            clock		: 2750.000000MHz
            revision	: 2.2 (pvr 004e 0202)

            processor	: 1
            cpu		: POWER9 (architected), altivec supported
            clock		: 2750.000000MHz
            revision	: 2.2 (pvr 004e 0202)

            timebase	: 512000000
            platform	: pSeries
            model		: IBM,9009-22A
            machine		: CHRP IBM,9009-22A
            MMU		: Radix
            """;

    /** IBM z15 guest, s390x Linux 5.14: a summary with the features, then a section per CPU. */
    public static final String S390X = """
            vendor_id       : IBM/S390
            # processors    : 2
            bogomips per cpu: 3241.00
            max thread id   : 0
            features	: esan3 zarch stfle msa ldisp eimm dfp edat etf3eh highgprs te vx vxd vxe gs vxe2 vxp sort dflt sie\s
            facilities      : 0 1 2 3 4 6 7 8 9 10 12 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 30 31 32 33 34 35 36 37 38 40 41
            cache0          : level=1 type=Data scope=Private size=128K line_size=256 associativity=8
            cache1          : level=1 type=Instruction scope=Private size=128K line_size=256 associativity=8
            processor 0: version = 00,  identification = 0C0001,  machine = 8561
            processor 1: version = 00,  identification = 0C0001,  machine = 8561

            cpu number      : 0
            physical id     : 1
            core id         : 0
            book id         : 1
            drawer id       : 1
            dedicated       : 0
            address         : 0
            siblings        : 2
            cpu cores       : 2
            version         : 00
            identification  : 0C0001
            machine         : 8561
            cpu MHz dynamic : 5200
            cpu MHz static  : 5200

            cpu number      : 1
            physical id     : 1
            core id         : 1
            book id         : 1
            drawer id       : 1
            dedicated       : 0
            address         : 1
            siblings        : 2
            cpu cores       : 2
            version         : 00
            identification  : 0C0001
            machine         : 8561
            cpu MHz dynamic : 5200
            cpu MHz static  : 5200

            """;

    /** SiFive U74, riscv64 Linux 5.15. */
    public static final String RISCV64 = """
            processor	: 0
            hart		: 1
            isa		: rv64imafdc
            mmu		: sv39
            uarch		: sifive,u74-mc

            processor	: 1
            hart		: 2
            isa		: rv64imafdc
            mmu		: sv39
            uarch		: sifive,u74-mc

            """;

    @Test
    void readsTheCapturedX86File() {
        List<CpuInfo> cpus = CpuInfo.parse(Fixtures.read("proc/cpuinfo"), Arch.X86);
        assertEquals(2, cpus.size());
        CpuInfo first = cpus.get(0);
        assertEquals(new CpuInfo(0, "AuthenticAMD", "25", "17", "AMD EPYC", "1", "0x1000065", "1024 KB", "0", "0",
                first.flagsText(), first.bugsText()), first);
        assertTrue(first.flags().contains("avx512f"));
        assertEquals(List.of("sysret_ss_attrs", "null_seg", "spectre_v1", "spectre_v2", "spec_store_bypass", "srso",
                "spectre_v2_user"), first.bugs());
        assertEquals("1", cpus.get(1).coreId());
    }

    @Test
    void readsAMultiSocketXeon() {
        List<CpuInfo> cpus = CpuInfo.parse(X86_XEON, Arch.X86);
        assertEquals(List.of(0L, 1L, 2L, 3L), cpus.stream().map(CpuInfo::processor).toList());
        assertEquals(List.of("0", "1", "0", "1"), cpus.stream().map(CpuInfo::physicalId).toList());
        assertEquals(List.of("0", "0", "1", "1"), cpus.stream().map(CpuInfo::coreId).toList());
        CpuInfo cpu = cpus.get(1);
        assertEquals("Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz", cpu.modelName());
        assertEquals("28160 KB", cpu.cacheSize());
        assertEquals("0x5003302", cpu.microcode());
        assertEquals(134, cpus.get(0).flags().size());
        assertEquals("arch_capabilities", cpus.get(0).flags().get(133));
        assertEquals(List.of("fpu", "vme", "de", "pse"), cpus.get(2).flags());
        // "bugs\t\t:" with nothing after it has no ": " separator: the processor has no bugs.
        assertEquals(List.of(), cpus.get(3).bugs());
    }

    @Test
    void processorsShareEqualStrings() {
        List<CpuInfo> cpus = CpuInfo.parse(X86_XEON, Arch.X86);
        assertSame(cpus.get(0).modelName(), cpus.get(3).modelName());
        assertSame(cpus.get(0).flagsText(), cpus.get(1).flagsText());
    }

    @Test
    void readsArm64() {
        List<CpuInfo> cpus = CpuInfo.parse(ARM64, Arch.ARM);
        assertEquals(2, cpus.size());
        assertEquals(1, cpus.get(1).processor());
        assertEquals("", cpus.get(1).modelName());
        assertEquals(List.of("fp", "asimd", "evtstrm", "aes", "pmull", "sha1", "sha2", "crc32", "atomics", "fphp",
                "asimdhp", "cpuid", "asimdrdm", "lrcpc", "dcpop", "asimddp", "ssbs"), cpus.get(0).flags());
        assertEquals(List.of(), cpus.get(0).bugs());
    }

    @Test
    void readsArm32Layouts() {
        List<CpuInfo> pi = CpuInfo.parse(ARMV7, Arch.ARM);
        assertEquals(2, pi.size());
        assertEquals("ARMv7 Processor rev 4 (v7l)", pi.get(1).modelName());
        assertEquals("crc32", pi.get(1).flags().get(pi.get(1).flags().size() - 1));

        List<CpuInfo> single = CpuInfo.parse(ARMV5_SINGLE, Arch.ARM);
        assertEquals(1, single.size());
        assertEquals(0, single.get(0).processor());
        assertEquals("Feroceon 88FR131 rev 1 (v5l)", single.get(0).modelName());
        assertEquals(List.of("swp", "half", "thumb", "fastmult", "edsp"), single.get(0).flags());

        List<CpuInfo> smp = CpuInfo.parse(ARMV7_OLD_SMP, Arch.ARM);
        assertEquals(2, smp.size());
        assertEquals("ARMv7 Processor rev 10 (v7l)", smp.get(0).modelName());
        assertEquals("ARMv7 Processor rev 10 (v7l)", smp.get(1).modelName());
        assertEquals(List.of("swp", "half", "thumb", "fastmult", "vfp", "edsp", "neon", "vfpv3", "tls"),
                smp.get(1).flags());
    }

    @Test
    void readsPower() {
        List<CpuInfo> cpus = CpuInfo.parse(PPC64LE, Arch.PPC);
        assertEquals(2, cpus.size());
        assertEquals("POWER9 (architected), altivec supported", cpus.get(1).vendorId());
        assertEquals("", cpus.get(1).model());
    }

    @Test
    void readsS390x() {
        List<CpuInfo> cpus = CpuInfo.parse(S390X, Arch.S390X);
        assertEquals(2, cpus.size());
        assertEquals("IBM/S390", cpus.get(1).vendorId());
        assertEquals(1, cpus.get(1).processor());
        assertEquals(List.of("1", "1"), cpus.stream().map(CpuInfo::physicalId).toList());
        assertEquals(List.of("0", "1"), cpus.stream().map(CpuInfo::coreId).toList());
        assertEquals("sie", cpus.get(0).flags().get(cpus.get(0).flags().size() - 1));
    }

    @Test
    void readsRiscv() {
        List<CpuInfo> cpus = CpuInfo.parse(RISCV64, Arch.RISCV);
        assertEquals(2, cpus.size());
        assertEquals("2", cpus.get(1).coreId());
        assertEquals("rv64imafdc", cpus.get(1).modelName());
    }

    @Test
    void anX86ReaderOnAnArmFileFindsOnlyProcessorNumbers() {
        // What node_exporter built for amd64 makes of an arm64 file: same processors, no flags.
        List<CpuInfo> cpus = CpuInfo.parse(ARM64, Arch.X86);
        assertEquals(2, cpus.size());
        assertEquals(List.of(), cpus.get(0).flags());
        assertEquals("", cpus.get(0).vendorId());
    }

    @Test
    void toleratesLeadingBlankLinesAndCrLf() {
        List<CpuInfo> cpus = CpuInfo.parse("\n\nprocessor\t: 0\r\nvendor_id\t: X\r\nmodel name\t: Y Z\r\n", Arch.X86);
        assertEquals("X", cpus.get(0).vendorId());
        assertEquals("Y Z", cpus.get(0).modelName());
    }

    @Test
    void keepsValuesVerbatim() {
        List<CpuInfo> cpus = CpuInfo.parse("processor : 0\nmodel name : spaced  out  \nvendor_id:glued\n", Arch.X86);
        assertEquals("spaced  out  ", cpus.get(0).modelName());
        assertEquals("", cpus.get(0).vendorId());
    }

    @ParameterizedTest
    @CsvSource({"0,0", "7,7", "0x1f,31", "010,8", "4294967295,4294967295"})
    void readsProcessorNumbersAsGoDoesWithBaseZero(String text, long expected) {
        assertEquals(expected, CpuInfo.parseUint32(text));
    }

    @Test
    void rejectsFilesThatDoNotStartRight() {
        assertThrows(IllegalArgumentException.class, () -> CpuInfo.parse("", Arch.X86));
        assertThrows(IllegalArgumentException.class, () -> CpuInfo.parse("vendor_id : x\n", Arch.X86));
        assertThrows(IllegalArgumentException.class, () -> CpuInfo.parse("processor : x\n", Arch.X86));
        assertThrows(IllegalArgumentException.class, () -> CpuInfo.parse("processor : 0\nprocessor : -1\n", Arch.X86));
        assertThrows(IllegalArgumentException.class, () -> CpuInfo.parse("processor : 4294967296\n", Arch.X86));
        assertThrows(IllegalArgumentException.class, () -> CpuInfo.parse(X86_XEON, Arch.S390X));
        assertThrows(IllegalArgumentException.class, () -> CpuInfo.parse("cpu : x\n", Arch.PPC));
        assertThrows(IllegalArgumentException.class, () -> CpuInfo.parse(ARM64, Arch.UNSUPPORTED));
    }

    @ParameterizedTest
    @CsvSource({"amd64,X86", "x86_64,X86", "i386,X86", "aarch64,ARM", "arm,ARM", "ppc64le,PPC", "ppc64,PPC",
        "s390x,S390X", "riscv64,RISCV", "mips64el,UNSUPPORTED", "loongarch64,UNSUPPORTED"})
    void picksTheLayoutFromOsArch(String osArch, Arch expected) {
        assertEquals(expected, Arch.of(osArch));
    }
}
