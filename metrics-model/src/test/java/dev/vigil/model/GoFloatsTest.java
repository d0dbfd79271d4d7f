package dev.vigil.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFloatsTest {
    /** Expected strings are what Go's strconv.FormatFloat(v, 'g', -1, 64) prints. */
    @ParameterizedTest
    @CsvSource({
        "0, 0", "1, 1", "-1, -1", "1.5, 1.5", "0.1, 0.1", "100, 100", "123456, 123456", "1234567, 1.234567e+06", "123456789, 1.23456789e+08", "1445913, 1.445913e+06",
        "0.0001, 0.0001", "0.00001, 1e-05", "1.5e-07, 1.5e-07", "1e20, 1e+20", "1e21, 1e+21",
        "1.2345e22, 1.2345e+22", "1e100, 1e+100", "4.9e-324, 5e-324", "1.7976931348623157e308, 1.7976931348623157e+308",
        "0.30000000000000004, 0.30000000000000004", "12345.678, 12345.678",
    })
    void formatsLikeGo(double value, String expected) {
        assertEquals(expected, GoFloats.format(value));
    }

    @ParameterizedTest
    @CsvSource({"Infinity, +Inf", "-Infinity, -Inf", "NaN, NaN"})
    void specialValues(double value, String expected) {
        assertEquals(expected, GoFloats.format(value));
    }
}
