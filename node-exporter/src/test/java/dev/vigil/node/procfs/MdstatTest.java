package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.node.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MdstatTest {

    private static Map<String, Mdstat.Device> byName(String text) {
        return Mdstat.parse(text).stream().collect(Collectors.toMap(Mdstat.Device::name, Function.identity()));
    }

    @Test
    void healthyRaid1() {
        List<Mdstat.Device> devices = Mdstat.parse("""
                Personalities : [raid1] [linear] [multipath] [raid0] [raid6] [raid5] [raid4] [raid10]
                md0 : active raid1 sdb1[1] sda1[0]
                      976630464 blocks super 1.2 [2/2] [UU]
                      bitmap: 0/8 pages [0KB], 65536KB chunk

                unused devices: <none>
                """);
        assertEquals(List.of(new Mdstat.Device("md0", "active", 2, 2, 0, 0, 0, 976630464, 976630464, 0, 0, 0,
                List.of("sdb1", "sda1"))), devices);
    }

    @Test
    void syncStates() {
        Map<String, Mdstat.Device> md = byName("""
                Personalities : [raid1] [raid10]
                md1 : active raid1 sdf1[2] sde1[0]
                      195310144 blocks [2/1] [U_]
                      [=>...................]  recovery =  8.5% (16775552/195310144) finish=17.0min speed=259783K/sec

                md5 : active raid1 sdr1[1] sdq1[0]
                      523968 blocks super 1.2 [2/2] [UU]
                      [==>..................]  resync = 12.1% (63488/523968) finish=0.3min speed=21162K/sec
                      bitmap: 1/1 pages [4KB], 65536KB chunk

                md4 : active raid10 sdp1[3] sdo1[2] sdn1[1] sdm1[0]
                      1953260544 blocks super 1.2 512K chunks 2 near-copies [4/4] [UUUU]
                      [========>............]  check = 43.2% (843979264/1953260544) finish=96.5min speed=191578K/sec

                md6 : active (auto-read-only) raid1 sdt2[1] sds2[0]
                      4190208 blocks super 1.2 [2/2] [UU]
                      \tresync=PENDING

                md7 : active raid1 sdv2[1] sdu2[0]
                      4190208 blocks super 1.2 [2/2] [UU]
                      \tresync=DELAYED

                unused devices: <none>
                """);
        Mdstat.Device recovering = md.get("md1");
        assertEquals("recovering", recovering.state());
        assertEquals(16775552, recovering.blocksSynced());
        assertEquals(8.5, recovering.syncPercent());
        assertEquals(17.0, recovering.syncFinishMinutes());
        assertEquals(259783, recovering.syncSpeed());
        assertEquals(1, recovering.disksDown());
        assertEquals(1, recovering.disksActive());
        assertEquals("resyncing", md.get("md5").state());
        assertEquals(63488, md.get("md5").blocksSynced());
        assertEquals("checking", md.get("md4").state());
        assertEquals(843979264, md.get("md4").blocksSynced());
        assertEquals("resyncing", md.get("md6").state());
        assertEquals(0, md.get("md6").blocksSynced());
        assertEquals(List.of("sdt2", "sds2"), md.get("md6").devices());
        assertEquals(0, md.get("md7").blocksSynced());
    }

    @Test
    void reshapeCountsAsActiveAndFullySynced() {
        Mdstat.Device md2 = Mdstat.parse("""
                md2 : active raid5 sde1[4] sdd1[3] sdc1[2] sdb1[1]
                      5860270080 blocks super 1.2 level 5, 512k chunk, algorithm 2 [4/4] [UUUU]
                      [===>.................]  reshape = 17.9% (350199808/1953423360) finish=513.2min speed=52064K/sec
                      bitmap: 0/15 pages [0KB], 65536KB chunk

                """).get(0);
        assertEquals("active", md2.state());
        assertEquals(5860270080L, md2.blocksSynced());
    }

    @Test
    void failedSpareAndDegraded() {
        Mdstat.Device md3 = Mdstat.parse("""
                md3 : active raid6 sdb1[0] sde1[3] sdd1[2] sdc1[1](F) sdk1[4](S)
                      7813735424 blocks super 1.2 level 6, 512k chunk, algorithm 2 [4/3] [U_UU]
                      bitmap: 0/30 pages [0KB], 65536KB chunk

                """).get(0);
        assertEquals(1, md3.disksFailed());
        assertEquals(1, md3.disksSpare());
        assertEquals(3, md3.disksActive());
        assertEquals(4, md3.disksTotal());
        assertEquals(1, md3.disksDown());
        assertEquals(List.of("sdb1", "sde1", "sdd1", "sdc1", "sdk1"), md3.devices());
    }

    @Test
    void raid0LinearAndInactive() {
        Map<String, Mdstat.Device> md = byName("""
                Personalities : [linear] [raid0]
                md9 : active raid0 sdz1[1] sdy1[0]
                      3886394368 blocks super 1.2 512k chunks

                md10 : active linear sdab1[1] sdaa1[0] sdac1[2]
                      2095104 blocks super 1.2 0k rounding

                md126 : active raid0 sdb[1] sdc[0]
                      1855870976 blocks super external:/md127/0 128k chunks

                md8 : inactive sdx1[1](S) sdw1[0](S)
                      2093056 blocks super 1.2

                md127 : inactive raid1 sdac3[0](F) sdad3[1](S)
                      4883648 blocks [2/2] [UU]

                unused devices: <none>
                """);
        assertEquals(2, md.get("md9").disksTotal());
        assertEquals(2, md.get("md9").disksActive());
        assertEquals(3, md.get("md10").disksTotal());
        assertEquals(2, md.get("md126").disksActive());
        Mdstat.Device md8 = md.get("md8");
        assertEquals("inactive", md8.state());
        assertEquals(0, md8.disksTotal());
        assertEquals(2, md8.disksSpare());
        assertEquals(2093056, md8.blocksTotal());
        assertEquals(List.of("sdw1"), md8.devices(), "without a personality the first member is skipped");
        assertEquals("inactive", md.get("md127").state());
        assertEquals(0, md.get("md127").disksActive());
        assertEquals(1, md.get("md127").disksFailed());
    }

    @Test
    void noArrays() {
        assertEquals(List.of(), Mdstat.parse("Personalities : \nunused devices: <none>\n"));
        assertEquals(List.of(), Mdstat.parse(""));
    }

    @Test
    void malformedSectionsFail() {
        assertThrows(IllegalArgumentException.class, () -> Mdstat.parse("md0 : active\n"));
        assertThrows(IllegalArgumentException.class, () -> Mdstat.parse("md0 :\n  1 blocks\n\n\n"));
        assertThrows(IllegalArgumentException.class,
                () -> Mdstat.parse("md0 : active raid1 sda[0]\n      x blocks [2/2] [UU]\n\n\n"));
        assertThrows(IllegalArgumentException.class,
                () -> Mdstat.parse("md0 : active raid1 sda[0]\n      10 blocks\n\n\n"));
        assertThrows(IllegalArgumentException.class, () -> Mdstat.parse(
                "md0 : active raid1 sda[0] sdb[1]\n      10 blocks [2/2] [UU]\n      resync=REMOTE\n\n"));
    }

    @Test
    void parsesTheFixture() {
        assertEquals(12, Mdstat.parse(Fixtures.read("proc/mdstat")).size());
    }
}
