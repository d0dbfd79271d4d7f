package dev.vigil.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What the units promise a packager and an operator: the command, restarts, both distributions'
 * environment files, reload only where the binary reloads, the JIT left working, and each
 * collector's access kept (the node exporter's adjtimex, statfs under /home, the hub's state).
 */
class UnitContentsTest {
    static final List<Unit> UNITS = Unit.ALL;

    @ParameterizedTest
    @FieldSource("UNITS")
    void commandRestartEnvironmentAndInstall(Unit unit) throws Exception {
        UnitFile file = unit.read();
        List<String> exec = file.execStart();
        assertEquals("/usr/bin/" + unit.binary(), exec.getFirst());
        assertEquals("$ARGS", exec.getLast());
        assertEquals("on-failure", file.get("Service", "Restart"));
        assertEquals(List.of("-/etc/default/" + unit.binary(), "-/etc/sysconfig/" + unit.binary()),
                file.all("Service", "EnvironmentFile"));
        assertEquals("multi-user.target", file.get("Install", "WantedBy"));
        assertTrue(file.get("Unit", "Documentation").startsWith("file:/usr/share/doc/" + unit.binary() + "/"));
        assertTrue(Files.readString(unit.envFile()).lines().anyMatch(l -> l.equals("ARGS=\"\"")),
                unit.envFile() + " should set ARGS=\"\"");
    }

    @ParameterizedTest
    @FieldSource("UNITS")
    void reloadsWithHupOnlyWhereTheBinaryDoes(Unit unit) {
        String reload = unit.read().get("Service", "ExecReload");
        if (unit.reloadsOnHup()) {
            assertEquals("/bin/kill -HUP $MAINPID", reload);
        } else {
            assertNull(reload, unit + ": an exporter's JVM ends on SIGHUP");
        }
    }

    @ParameterizedTest
    @FieldSource("UNITS")
    void hardenedWithoutBreakingTheJit(Unit unit) {
        UnitFile file = unit.read();
        assertNull(file.get("Service", "MemoryDenyWriteExecute"), "the JVM's JIT needs writable executable memory");
        for (String key : List.of("NoNewPrivileges", "PrivateTmp", "ProtectKernelTunables", "ProtectKernelModules",
                "ProtectKernelLogs", "ProtectControlGroups", "LockPersonality", "RestrictRealtime", "RestrictSUIDSGID",
                "RestrictNamespaces", "ProtectHostname", "PrivateDevices")) {
            assertEquals("yes", file.get("Service", key), unit + " " + key);
        }
        assertEquals("strict", file.get("Service", "ProtectSystem"));
        assertEquals("native", file.get("Service", "SystemCallArchitectures"));
        assertEquals("EPERM", file.get("Service", "SystemCallErrorNumber"));
        assertEquals("@system-service", file.all("Service", "SystemCallFilter").getFirst());
        assertEquals("AF_UNIX AF_INET AF_INET6", file.get("Service", "RestrictAddressFamilies"));
        assertTrue(file.get("Service", "UMask").matches("00[27]7"));
        assertTrue(file.all("Service", "CapabilityBoundingSet").size() == 1);
    }

    /**
     * The timex collector reads the clock's state with adjtimex(3), which glibc makes as
     * clock_adjtime(2) (SyscallTraceTest sees it). ProtectClock=yes would deny the whole
     * {@code @clock} group, both included, so the unit must not set it and its filter must let them
     * through while the calls that only set the clock stay out.
     */
    @Test
    void nodeExporterKeepsReadOnlyAdjtimex() throws Exception {
        SyscallFilter filters = SyscallFilter.load();
        assertTrue(filters.expand("@clock").containsAll(List.of("adjtimex", "clock_adjtime")), "premise: @clock holds both");
        UnitFile node = Unit.ALL.getFirst().read();
        assertNull(node.get("Service", "ProtectClock"));
        Set<String> allowed = filters.allowed(node);
        assertTrue(allowed.contains("adjtimex") && allowed.contains("clock_adjtime"));
        for (String setter : List.of("settimeofday", "clock_settime")) {
            assertFalse(allowed.contains(setter), setter);
        }
        assertFalse(node.get("Service", "CapabilityBoundingSet").contains("CAP_SYS_TIME"));
    }

    /** statfs on every mount: /home stays visible (read-only) to the exporters that report file systems. */
    @Test
    void fileSystemReportersSeeHome() {
        assertEquals("read-only", Unit.ALL.get(0).read().get("Service", "ProtectHome"));
        assertEquals("read-only", Unit.ALL.get(1).read().get("Service", "ProtectHome"));
    }

    @Test
    void hubStateNetworkAndUser() {
        UnitFile hub = Unit.ALL.get(3).read();
        assertEquals("vigil", hub.get("Service", "User"));
        assertEquals("vigil/hub", hub.get("Service", "StateDirectory"));
        assertEquals("network-online.target", hub.get("Unit", "After"));
        assertEquals("network-online.target", hub.get("Unit", "Wants"));
        assertEquals("", hub.get("Service", "CapabilityBoundingSet"));
    }

    @Test
    void exportersRunWithTheCapabilitiesTheirReadersNeed() {
        assertEquals("", Unit.ALL.get(0).read().get("Service", "CapabilityBoundingSet"));
        assertEquals("vigil", Unit.ALL.get(0).read().get("Service", "User"));
        assertEquals("vigil/textfile", Unit.ALL.get(0).read().get("Service", "StateDirectory"));
        UnitFile container = Unit.ALL.get(1).read();
        assertEquals("root", container.get("Service", "User"));
        assertEquals("CAP_DAC_READ_SEARCH CAP_SYS_PTRACE", container.get("Service", "CapabilityBoundingSet"));
        UnitFile jvm = Unit.ALL.get(2).read();
        assertEquals("vigil", jvm.get("Service", "User"));
        assertEquals("CAP_DAC_READ_SEARCH CAP_SYS_PTRACE", jvm.get("Service", "AmbientCapabilities"));
        assertEquals("CAP_DAC_READ_SEARCH CAP_SYS_PTRACE", jvm.get("Service", "CapabilityBoundingSet"));
        assertNull(jvm.get("Service", "PrivateUsers"), "capabilities must apply to other users' files");
    }
}
