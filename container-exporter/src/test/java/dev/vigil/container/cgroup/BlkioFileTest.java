package dev.vigil.container.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.container.cgroup.BlkioFile.Entry;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlkioFileTest {

    @Test
    void parsesOperationLinesAndSkipsTheTotalLine() {
        assertEquals(List.of(new Entry(8, 0, "Read", 1282048), new Entry(8, 0, "Write", 2195456),
                        new Entry(8, 0, "Total", 3477504)),
                BlkioFile.parse("8:0 Read 1282048\n8:0 Write 2195456\n8:0 Total 3477504\nTotal 3477504\n"));
    }

    @Test
    void opLessLinesHaveAnEmptyOperation() {
        assertEquals(List.of(new Entry(253, 1, "", 4096)), BlkioFile.parse("253:1 4096\n"));
    }

    @Test
    void onlyTotalIsEmpty() {
        assertEquals(List.of(), BlkioFile.parse("Total 0\n"));
    }

    @Test
    void skipsMalformedLinesWithAReason() {
        Fixtures.Skips skips = new Fixtures.Skips();
        List<Entry> entries = BlkioFile.parse(
                "8:0 Read 1\n8-0 Read 2\n8:0 Write x\n8:0 Read 1 extra\nlonely\n8:16 Write 3\n", skips);
        assertEquals(List.of(new Entry(8, 0, "Read", 1), new Entry(8, 16, "Write", 3)), entries);
        assertEquals(List.of("'8-0' is not major:minor", "value is not an unsigned integer",
                "expected 'major:minor [operation] value', found 4 fields",
                "expected 'major:minor [operation] value', found 1 fields"), skips.reasons);
    }
}
