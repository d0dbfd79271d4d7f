package dev.vigil.container.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SingleValueFileTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "52428800\\n|52428800",
        "max\\n|9223372036854775807",
        "  12  |12",
        "9223372036854771712|9223372036854771712",
        "18446744073709551615|9223372036854775807",
    })
    void parsesUnsignedValuesAndMax(String text, long expected) {
        assertEquals(OptionalLong.of(expected), SingleValueFile.parse(text.replace("\\n", "\n")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''", "abc", "-1", "1 2", "99999999999999999999999"})
    void notANumberIsEmpty(String text) {
        assertEquals(OptionalLong.empty(), SingleValueFile.parse(text));
    }

    @Test
    void signedValues() {
        assertEquals(OptionalLong.of(-1), SingleValueFile.parseSigned("-1\n"));
        assertEquals(OptionalLong.of(50000), SingleValueFile.parseSigned("50000"));
        assertEquals(OptionalLong.empty(), SingleValueFile.parseSigned("-"));
    }

    @ParameterizedTest
    @CsvSource({
        "268435456, 268435456",
        "4611686018427387904, 4611686018427387904",
        "4611686018427387905, 0",
        "9223372036854771712, 0",
        "9223372036854775807, 0",
    })
    void cadvisorLimitMapsHugeToZero(long value, long expected) {
        assertEquals(expected, SingleValueFile.cadvisorLimit(value));
    }
}
