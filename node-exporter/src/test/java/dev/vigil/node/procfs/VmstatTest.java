package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.node.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class VmstatTest {

    @Test
    void readsNameValuePairs() {
        assertEquals(List.of(new Vmstat.Field("nr_free_pages", 1335407), new Vmstat.Field("pgfault", 54503023),
                new Vmstat.Field("oom_kill", 0)), Vmstat.parse("nr_free_pages 1335407\npgfault 54503023\n\noom_kill 0\n"));
    }

    @Test
    void readsTheCapturedFile() {
        List<Vmstat.Field> fields = Vmstat.parse(Fixtures.read("proc/vmstat"));
        assertEquals("nr_free_pages", fields.get(0).name());
        assertEquals(fields.size(), fields.stream().map(Vmstat.Field::name).distinct().count());
    }

    @Test
    void skipsShortLinesAndReadsEmptyFiles() {
        assertEquals(List.of(new Vmstat.Field("pgfault", 1)), Vmstat.parse("lonely\npgfault 1 extra\n"));
        assertEquals(List.of(), Vmstat.parse(""));
    }

    @Test
    void rejectsNonNumbers() {
        assertThrows(IllegalArgumentException.class, () -> Vmstat.parse("pgfault lots\n"));
    }
}
