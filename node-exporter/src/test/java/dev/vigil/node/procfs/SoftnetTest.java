package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoftnetTest {

    /** Linux 2.6.23 to 2.6.38: nine columns. */
    @Test
    void parsesNineColumns() {
        assertEquals(List.of(new Softnet(0x2b0a4, 0, 0x12)), Softnet.parse(
                "0002b0a4 00000000 00000012 00000000 00000000 00000000 00000000 00000000 00000000\n"));
    }

    /** Linux 2.6.39 (received_rps) and 3.11 (flow_limit_count): ten and eleven columns. */
    @Test
    void parsesTenAndElevenColumns() {
        assertEquals(List.of(new Softnet(1, 2, 3)), Softnet.parse(
                "00000001 00000002 00000003 00000000 00000000 00000000 00000000 00000000 00000000 00000003\n"));
        assertEquals(List.of(new Softnet(0x6dcc1e2d, 0, 0x2f), new Softnet(0x0b5bad60, 1, 4)), Softnet.parse(
                "6dcc1e2d 00000000 0000002f 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000\n"
                + "0b5bad60 00000001 00000004 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000\n"));
    }

    /** Linux 5.10 (backlog length, CPU index: 13 columns) and 6.x (15 columns), with an offline CPU skipped. */
    @Test
    void parsesThirteenAndFifteenColumns() {
        assertEquals(List.of(new Softnet(0x15c73, 0x20e76, 0xf0000769L), new Softnet(0x1663fb2, 0, 0x109a4)), Softnet.parse(
                "00015c73 00020e76 F0000769 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000"
                + " 00000000 00000000\n"
                + "01663fb2 00000000 000109a4 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000"
                + " 00000000 00000002\n"));
        assertEquals(2, Softnet.parse(
                "00042faf 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000"
                + " 00000000 00000000 00000000 00000000\n"
                + "0004cb2b 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000"
                + " 00000000 00000001 00000000 00000000\n").size());
    }

    @Test
    void onlyTheFirstThreeColumnsMustBeNumbers() {
        assertEquals(List.of(new Softnet(1, 2, 3)), Softnet.parse("1 2 3 x x x x x x\n"));
    }

    @Test
    void anEmptyFileHasNoCpus() {
        assertEquals(List.of(), Softnet.parse(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "00000001 00000002 00000003 00000000 00000000 00000000 00000000 00000000\n",
        "100000001 00000002 00000003 00000000 00000000 00000000 00000000 00000000 00000000\n",
        "0x000001 00000002 00000003 00000000 00000000 00000000 00000000 00000000 00000000\n",
        "-0000001 00000002 00000003 00000000 00000000 00000000 00000000 00000000 00000000\n",
        "00000001 00000002 00000003 00000000 00000000 00000000 00000000 00000000 00000000\n\n",
    })
    void rejectsShortLinesAndBadCounters(String text) {
        assertThrows(IllegalArgumentException.class, () -> Softnet.parse(text));
    }
}
