package dev.vigil.node.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BondingTest {

    @Test
    void splitsNameListsOnAnyWhiteSpace() {
        assertEquals(List.of("bond0"), Bonding.names("bond0\n"));
        assertEquals(List.of("bond0", "bond1", "bond2"), Bonding.names("bond0 bond1\tbond2\n"));
        assertEquals(List.of(), Bonding.names("\n"));
        assertEquals(List.of(), Bonding.names(""));
    }

    @ParameterizedTest
    @CsvSource({"'up\n', true", "' up ', true", "'down\n', false", "'going back\n', false", "'UP', false", "'', false"})
    void countsOnlyUpAsActive(String status, boolean up) {
        assertEquals(up, Bonding.isUp(status));
    }
}
