package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNrTest {

    @Test
    void readsAllocatedAndMaximum() {
        assertEquals(new FileNr(352, 2466170), FileNr.parse("352\t0\t2466170\n"));
        assertEquals(new FileNr(1024, 9.223372036854775807E18), FileNr.parse("1024\t0\t9223372036854775807\n"));
        assertEquals(new FileNr(7, 100), FileNr.parse("7\t0\t100\t5\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7 0 100\n", "7\t0\n", "", "\t\t\n", "x\t0\t1\n"})
    void rejectsOtherLayouts(String text) {
        assertThrows(IllegalArgumentException.class, () -> FileNr.parse(text));
    }
}
