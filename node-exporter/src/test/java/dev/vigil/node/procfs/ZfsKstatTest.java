package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.node.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZfsKstatTest {

    @Test
    void namedKstat() {
        List<ZfsKstat.Named> stats = ZfsKstat.named("""
                5 1 0x01 12 3264 8574228531 112945368955345
                name                            type data
                dmu_tx_assigned                 4    3532844
                memory_available_bytes          3    -12
                dnode_hold_alloc_misses         2    0
                dataset_name                    7    tank/home
                short 4

                """);
        assertEquals(List.of(new ZfsKstat.Named("dmu_tx_assigned", "4", "3532844"),
                new ZfsKstat.Named("memory_available_bytes", "3", "-12"),
                new ZfsKstat.Named("dnode_hold_alloc_misses", "2", "0"),
                new ZfsKstat.Named("dataset_name", "7", "tank/home")), stats);
        assertEquals(3532844, stats.get(0).unsigned());
        assertThrows(IllegalArgumentException.class, () -> stats.get(1).unsigned());
    }

    @Test
    void namedKstatNeedsItsHeader() {
        assertThrows(IllegalArgumentException.class, () -> ZfsKstat.named("hits 4 1\n"));
        assertThrows(IllegalArgumentException.class, () -> ZfsKstat.named(""));
        assertEquals(List.of(), ZfsKstat.named("name type data\n"));
    }

    @Test
    void arcstatsFixture() {
        List<ZfsKstat.Named> arc = ZfsKstat.named(Fixtures.read("proc/spl/kstat/zfs/arcstats"));
        assertEquals("hits", arc.get(0).name());
        assertEquals(8772612, arc.get(0).unsigned());
    }

    @Test
    void poolIo() {
        ZfsKstat.Io io = ZfsKstat.io(Fixtures.read("proc/spl/kstat/zfs/pool1/io"));
        assertEquals(12, io.fields().size());
        assertEquals("nread", io.fields().get(0));
        assertEquals(1, io.rows().size());
        assertArrayEquals(new long[] {1884160, 3206144, 22, 132, 7155162, 104112268, 79210489694949L, 24168078,
            104112268, 79210489849220L, 0, 0}, io.rows().get(0));
    }

    @Test
    void poolIoWithoutFieldLineHasNoRows() {
        assertEquals(List.of(), ZfsKstat.io("12 3 0x00 1 80 1 2\n").rows());
        assertThrows(IllegalArgumentException.class, () -> ZfsKstat.io(
                "nread nwritten reads writes wtime wlentime wupdate rtime rlentime rupdate wcnt rcnt\n1 2 3\n"));
        assertThrows(IllegalArgumentException.class, () -> ZfsKstat.io(
                "nread nwritten reads writes wtime wlentime wupdate rtime rlentime rupdate wcnt rcnt\n"
                        + "1 2 3 4 5 6 7 8 9 10 11 -1\n"));
    }
}
