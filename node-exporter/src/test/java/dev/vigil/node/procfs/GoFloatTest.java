package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoFloatTest {

    @ParameterizedTest
    @CsvSource({"5425, 5425", "-1.5, -1.5", "+2, 2", ".5, 0.5", "5., 5", "1e3, 1000", "1E-2, 0.01",
        "+Inf, Infinity", "-infinity, -Infinity"})
    void acceptsWhatGoAccepts(String text, double expected) {
        assertEquals(expected, GoFloat.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1", "1 ", "1d", "1f", "0x10", "yes", ".", "1e", "--1", "1.2.3"})
    void rejectsTheRest(String text) {
        assertThrows(NumberFormatException.class, () -> GoFloat.parse(text));
    }
}
