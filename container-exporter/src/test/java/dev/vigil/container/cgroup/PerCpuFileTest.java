package dev.vigil.container.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PerCpuFileTest {

    @Test
    void valuesByCpuIndexWithTheKernelsTrailingSpace() {
        assertEquals(List.of(1018609391L, 257712409L, 0L, 0L), PerCpuFile.parse("1018609391 257712409 0 0 \n"));
    }

    @Test
    void emptyFileIsAnEmptyList() {
        assertEquals(List.of(), PerCpuFile.parse("\n"));
    }

    @Test
    void oneBadValueDropsTheListRatherThanShiftingCpus() {
        Fixtures.Skips skips = new Fixtures.Skips();
        assertEquals(List.of(), PerCpuFile.parse("1 x 3", skips));
        assertEquals(List.of("per-CPU value 'x' is not an unsigned integer; list dropped"), skips.reasons);
    }
}
