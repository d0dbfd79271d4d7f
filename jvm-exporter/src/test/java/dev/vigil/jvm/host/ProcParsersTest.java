package dev.vigil.jvm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProcParsersTest {

    @Test
    void statusOfAContainerisedJvm() {
        ProcStatus status = ProcStatus.parse("""
                Name:\tjava
                Umask:\t0022
                State:\tS (sleeping)
                Tgid:\t4242
                NSpid:\t4242\t7
                PPid:\t4200
                Uid:\t1000\t1000\t1000\t1000
                Gid:\t1000\t1000\t1000\t1000
                VmRSS:\t   51200 kB
                Threads:\t19
                """);
        assertEquals("java", status.name());
        assertEquals(1000, status.uid());
        assertEquals(List.of(4242, 7), status.nsPids());
        assertEquals(7, status.innermostPid(4242));
        assertTrue(status.inChildPidNamespace());
        assertEquals(51200L * 1024, status.residentBytes());
    }

    @Test
    void statusOfAHostKernelThread() {
        ProcStatus status = ProcStatus.parse("Name:\tkthreadd\nNSpid:\t2\nUid:\t0\t0\t0\t0\n");
        assertEquals(2, status.innermostPid(2));
        assertFalse(status.inChildPidNamespace());
        assertEquals(0, status.residentBytes());
    }

    @Test
    void statCountsFieldsAfterTheLastParenthesis() {
        ProcStat stat = ProcStat.parse("4242 (my (odd) java) S 4200 4242 4200 0 -1 4194560 21000 0 3 0 "
                + "250 75 0 0 20 0 19 0 123456 3000000000 12800 18446744073709551615 1 1 0 0 0 0 0 4096 17357 0 0 0 17 "
                + "1 0 0 0 0 0\n");
        assertEquals(250, stat.userTicks());
        assertEquals(75, stat.systemTicks());
        assertEquals(123456, stat.startTicks());
        assertEquals(3.25, stat.cpuSeconds(), 1e-9);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0::/system.slice/docker-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.scope|0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "12:memory:/docker/fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210|fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210",
        "0::/kubepods.slice/kubepods-pod1.slice/cri-containerd-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.scope|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "0::/user.slice/user-1000.slice/session-3.scope|",
        "0::/x/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0|",
    })
    void containerIdIsA64HexElement(String cgroup, String expected) {
        assertEquals(expected == null ? "" : expected, ContainerIds.fromCgroup(cgroup + "\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Idle 120000|Idle",
        "com.example.Main --port 8080|com.example.Main",
        "/opt/app/lib/service-1.2.jar --spring.profiles.active=prod|service-1.2.jar",
        "app.jar|app.jar",
        "|",
    })
    void mainIsTheClassOrTheJarsName(String command, String expected) {
        assertEquals(expected == null ? "" : expected, JavaCommand.main(command == null ? "" : command));
    }

    @Test
    void passwdNamesUids() {
        Map<Integer, String> names = Passwd.parse("root:x:0:0:root:/root:/bin/bash\n# comment\nbroken\n"
                + "app:x:1000:1000::/home/app:/bin/sh\n");
        assertEquals(Map.of(0, "root", 1000, "app"), names);
    }
}
