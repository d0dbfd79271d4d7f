package dev.vigil.container.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.container.cgroup.CgroupStats.Pressure;
import dev.vigil.container.cgroup.CgroupStats.PressureLine;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PressureFileTest {

    @Test
    void someAndFull() {
        assertEquals(new Pressure(Optional.of(new PressureLine(0.0, 0.12, 0.05, 1234567)),
                        Optional.of(new PressureLine(0.0, 0.0, 0.0, 234567))),
                PressureFile.parse("some avg10=0.00 avg60=0.12 avg300=0.05 total=1234567\n"
                        + "full avg10=0.00 avg60=0.00 avg300=0.00 total=234567\n"));
    }

    @Test
    void rootCpuWithoutFull() {
        assertEquals(new Pressure(Optional.of(new PressureLine(1.5, 1.0, 0.5, 10)), Optional.empty()),
                PressureFile.parse("some avg10=1.50 avg60=1.00 avg300=0.50 total=10\n"));
    }

    @Test
    void incompleteLineIsSkippedWithAReason() {
        Fixtures.Skips skips = new Fixtures.Skips();
        Pressure p = PressureFile.parse("some avg10=0.00 total=1\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=2\n", skips);
        assertEquals(Optional.empty(), p.some());
        assertEquals(2, p.full().orElseThrow().totalMicros());
        assertEquals(List.of("needs numeric avg10, avg60, avg300 and total"), skips.reasons);
        assertEquals(2e-6, p.full().orElseThrow().totalSeconds());
    }
}
