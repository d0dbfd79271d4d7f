package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LoadavgTest {

    @Test
    void parsesTheThreeAverages() {
        assertEquals(new Loadavg(0.21, 0.37, 0.39), Loadavg.parse("0.21 0.37 0.39 1/719 19737\n"));
    }

    @Test
    void rejectsTruncatedContent() {
        assertThrows(IllegalArgumentException.class, () -> Loadavg.parse("0.21 0.37\n"));
    }
}
