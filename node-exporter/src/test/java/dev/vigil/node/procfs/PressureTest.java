package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PressureTest {

    @Test
    void readsSomeAndFull() {
        Pressure io = Pressure.parse("""
                some avg10=0.06 avg60=0.21 avg300=0.99 total=8537362
                full avg10=0.00 avg60=0.13 avg300=0.96 total=8183134
                """);
        assertEquals(new Pressure.Line(0.06, 0.21, 0.99, 8537362), io.some());
        assertEquals(new Pressure.Line(0, 0.13, 0.96, 8183134), io.full());
    }

    @Test
    void cpuBeforeLinux513HasNoFullLine() {
        Pressure cpu = Pressure.parse("some avg10=1.50 avg60=2.00 avg300=3.25 total=123\n");
        assertEquals(123, cpu.some().totalMicroseconds());
        assertNull(cpu.full());
    }

    @Test
    void skipsUnknownLinesAndEmptyFiles() {
        Pressure p = Pressure.parse("other avg10=x\n\nsome avg10=0.00 avg60=0.00 avg300=0.00 total=0\n");
        assertEquals(0, p.some().totalMicroseconds());
        assertNull(Pressure.parse("").some());
    }

    @ParameterizedTest
    @ValueSource(strings = {"some avg10=0.00 avg60=0.00 avg300=0.00\n", "some avg10=x avg60=0 avg300=0 total=1\n",
        "full avg10=0 avg60=0 avg300=0 total=-1\n", "some total=1 avg10=0 avg60=0 avg300=0\n",
        "some avg10=0 avg60=0 avg300=0 total=18446744073709551616\n"})
    void rejectsMalformedLines(String text) {
        assertThrows(IllegalArgumentException.class, () -> Pressure.parse(text));
    }
}
