package dev.vigil.node.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.types.UInt32;
import org.junit.jupiter.api.Test;

class UnitTest {

    /** A ListUnits entry as dbus-java decodes it: the ten fields of (ssssssouso). */
    private static Object[] row(String name, String description, String load, String active, String sub,
            String path, long jobId, String jobType, String jobPath) {
        return new Object[] {name, description, load, active, sub, "", new DBusPath(path), new UInt32(jobId), jobType,
            new DBusPath(jobPath)};
    }

    @Test
    void readsTheFieldsOfEachEntry() {
        // Entries from Debian 12, RHEL 8 and Ubuntu 22.04 hosts, one with a job queued.
        List<Object[]> rows = List.of(
                row("ssh.service", "OpenBSD Secure Shell server", "loaded", "active", "running",
                        "/org/freedesktop/systemd1/unit/ssh_2eservice", 0, "", "/"),
                row("systemd-fsck@dev-disk-by\\x2duuid-1A2B\\x2d3C4D.service", "File System Check on /dev/disk/by-uuid/1A2B-3C4D",
                        "loaded", "active", "exited",
                        "/org/freedesktop/systemd1/unit/systemd_2dfsck_40dev_2ddisk_2dby_5cx2duuid_2d1A2B_5cx2d3C4D_2eservice",
                        0, "", "/"),
                row("-.mount", "Root Mount", "loaded", "active", "mounted", "/org/freedesktop/systemd1/unit/_2d_2emount",
                        0, "", "/"),
                row("tuned.service", "Dynamic System Tuning Daemon", "loaded", "activating", "start",
                        "/org/freedesktop/systemd1/unit/tuned_2eservice", 1234, "start", "/org/freedesktop/systemd1/job/1234"),
                row("nfs-server.service", "nfs-server.service", "not-found", "inactive", "dead",
                        "/org/freedesktop/systemd1/unit/nfs_2dserver_2eservice", 0, "", "/"));
        List<Unit> units = Unit.fromListUnits(rows);
        assertEquals(List.of(
                new Unit("ssh.service", "loaded", "active", "/org/freedesktop/systemd1/unit/ssh_2eservice"),
                new Unit("systemd-fsck@dev-disk-by\\x2duuid-1A2B\\x2d3C4D.service", "loaded", "active",
                        "/org/freedesktop/systemd1/unit/systemd_2dfsck_40dev_2ddisk_2dby_5cx2duuid_2d1A2B_5cx2d3C4D_2eservice"),
                new Unit("-.mount", "loaded", "active", "/org/freedesktop/systemd1/unit/_2d_2emount"),
                new Unit("tuned.service", "loaded", "activating", "/org/freedesktop/systemd1/unit/tuned_2eservice"),
                new Unit("nfs-server.service", "not-found", "inactive", "/org/freedesktop/systemd1/unit/nfs_2dserver_2eservice")),
                units);
        assertTrue(units.get(2).is(".mount"));
    }

    @Test
    void anEmptyListIsNoUnits() {
        assertEquals(List.of(), Unit.fromListUnits(List.of()));
    }

    @Test
    void pathsMayComeAsStrings() {
        Object[] row = {"a.service", "", "loaded", "active", "running", "", "/org/freedesktop/systemd1/unit/a_2eservice"};
        assertEquals("/org/freedesktop/systemd1/unit/a_2eservice", Unit.fromListUnits(List.<Object>of((Object) row)).get(0).path());
    }

    @Test
    void rejectsRepliesOfAnotherShape() {
        assertThrows(IllegalArgumentException.class, () -> Unit.fromListUnits(null));
        assertThrows(IllegalArgumentException.class, () -> Unit.fromListUnits("ssh.service"));
        assertThrows(IllegalArgumentException.class, () -> Unit.fromListUnits(List.<Object>of((Object) new Object[] {"a", "b"})));
        assertThrows(IllegalArgumentException.class, () -> Unit.fromListUnits(List.<Object>of(
                (Object) new Object[] {"a", "b", new UInt32(1), "active", "running", "", "/x"})));
        assertThrows(IllegalArgumentException.class, () -> Unit.fromListUnits(List.of("not a struct")));
    }
}
