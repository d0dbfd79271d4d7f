package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.node.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NfsMountStatsTest {

    @Test
    void fixtureMounts() {
        List<NfsMountStats.Mount> mounts = NfsMountStats.parse(Fixtures.read("proc/self/mountstats"));
        assertEquals(10, mounts.size());
        assertNull(mounts.get(0).nfs());
        NfsMountStats.Mount home = mounts.get(5);
        assertEquals("192.0.2.10:/export/home", home.device());
        assertEquals("/home", home.mountPoint());
        assertEquals("nfs4", home.type());
        NfsMountStats.Nfs nfs = home.nfs();
        assertEquals("1.1", nfs.statVersion());
        assertEquals("4.2", nfs.options().get("vers"));
        assertEquals("", nfs.options().get("hard"));
        assertEquals(1234567.0, nfs.ageSeconds());
        assertArrayEquals(new long[] {1207328, 10281, 0, 0, 113869824, 2126984, 27802, 520}, nfs.bytes());
        assertEquals(27, nfs.events().length);
        assertEquals(26917, nfs.events()[17]);
        assertEquals("tcp", nfs.protocol());
        assertArrayEquals(new long[] {0, 0, 1, 0, 11, 59123, 59123, 0, 84519, 0, 6, 12, 4217}, nfs.transport());
        assertEquals(19, nfs.operations().size());
        NfsMountStats.Operation open = nfs.operations().get(4);
        assertEquals("OPEN", open.name());
        assertArrayEquals(new long[] {3419, 3419, 0, 1118888, 1215956, 18, 5613, 5675, 146}, open.counters());
    }

    @Test
    void statsVersion10OverUdp() {
        NfsMountStats.Nfs old = NfsMountStats.parse(Fixtures.read("proc/self/mountstats")).get(8).nfs();
        assertEquals("1.0", old.statVersion());
        assertEquals("udp", old.protocol());
        assertArrayEquals(new long[] {832, 0, 0, 0, 0, 16, 16, 0, 2, 34, 0, 0, 0}, old.transport(),
                "UDP has no connect counters");
        assertEquals(0, old.operations().get(1).counters()[8], "no error count before 5.x");
    }

    @Test
    void tcpStatsVersion10() {
        NfsMountStats.Nfs nfs = NfsMountStats.parse("""
                device srv:/x mounted on /x with fstype nfs statvers=1.0
                \txprt:\ttcp 700 1 2 0 3 10 10 0 20 0

                """).get(0).nfs();
        assertArrayEquals(new long[] {700, 1, 2, 0, 3, 10, 10, 0, 20, 0, 0, 0, 0}, nfs.transport());
        assertEquals(List.of(), nfs.operations());
    }

    @Test
    void mountAddressesFromMountinfo() {
        List<String> addresses = NfsMountStats.mountAddresses(Fixtures.read("proc/self/mountinfo"));
        assertEquals(10, addresses.size());
        assertEquals("", addresses.get(0));
        assertEquals("192.0.2.10", addresses.get(5));
        assertEquals(List.of("b"), NfsMountStats.mountAddresses(
                "1 2 0:1 / /m rw shared:1 - nfs s:/e rw,addr=a,addr=b=c"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1 2 0:1 / /m rw - nfs s:/e\n",
        "1 2 0:1 / /m rw x - nfs s:/e rw extra\n",
        "x 2 0:1 / /m rw shared:1 - nfs s:/e rw\n",
        "1 2 0:1 / /m rw shared:1 - nfs s:/e rw\n\n1 2 0:1 / /m rw shared:1 - nfs s:/e rw\n",
    })
    void malformedMountinfoFails(String text) {
        assertThrows(IllegalArgumentException.class, () -> NfsMountStats.mountAddresses(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "device a mounted on /b\n",
        "device a mounted at /b with fstype nfs\n",
        "device a mounted on /b with fstype cifs statvers=1.0\n",
        "device a mounted on /b with fstype nfs statvers=1.2\n\txprt:\ttcp 1 2 3\n",
        "device a mounted on /b with fstype nfs statvers=1.1\n\txprt:\trdma 0 0 1 0 11 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n",
        "device a mounted on /b with fstype nfs statvers=1.1\n\tbytes:\t1 2 3\n",
        "device a mounted on /b with fstype nfs statvers=1.1\n\tevents:\t1 2 3\n",
        "device a mounted on /b with fstype nfs statvers=1.1\n\tage:\tlong\n",
        "device a mounted on /b with fstype nfs statvers=1.1\n\tage:\n",
        "device a mounted on /b with fstype nfs statvers=1.1\n\tper-op statistics\n\tNULL: 1 2 3\n",
        "device a mounted on /b with fstype nfs statvers=1.1\n\tper-op statistics\n\tNULL: 1 2 3 4 5 6 7 x\n",
    })
    void malformedMountstatsFails(String text) {
        assertThrows(IllegalArgumentException.class, () -> NfsMountStats.parse(text));
    }
}
