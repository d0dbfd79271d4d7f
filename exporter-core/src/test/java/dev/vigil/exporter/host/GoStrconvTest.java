package dev.vigil.exporter.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoStrconvTest {

    /** strconv.ParseInt(s, 0, 64), as procfs parses sysfs and sysctl numbers. */
    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "1500, 1500", "-1, -1", "+7, 7", "0, 0", "00, 0", "0x1003, 4099", "0X1F, 31", "010, 8", "0o17, 15",
        "0b101, 5", "1_000, 1000", "0x_1f, 31", "9223372036854775807, 9223372036854775807",
        "-9223372036854775808, -9223372036854775808",
        "9223372036854775808, -", "18446744073709551615, -", "'', -", "+, -", "abc, -", "1.5, -", "' 1', -",
        "08, -", "0x, -", "_1, -", "1__0, -", "1_, -", "4294967295, 4294967295",
    })
    void parsesIntegersAsGoBaseZero(String text, Long expected) {
        assertEquals(expected == null ? OptionalLong.empty() : OptionalLong.of(expected), GoStrconv.parseInt(text), text);
    }

    /** strconv.ParseFloat(s, 64), as node_exporter parses hwmon values. */
    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "55000, 55000", "-273150, -273150", "1.5, 1.5", "1e3, 1000", "1., 1", ".5, 0.5", "1_000, 1000",
        "' 1', -", "'1 ', -", "1d, -", "1f, -", "95.0%, -", "'', -", "., -", "e5, -", "1e, -", "N/A, -",
        "+Inf, Infinity", "-inf, -Infinity", "infinity, Infinity", "0x10, -",
    })
    void parsesFloatsAsGo(String text, Double expected) {
        assertEquals(expected == null ? OptionalDouble.empty() : OptionalDouble.of(expected), GoStrconv.parseFloat(text), text);
    }

    @Test
    void parsesNaNOnlyWithoutSign() {
        assertEquals(true, Double.isNaN(GoStrconv.parseFloat("NaN").orElseThrow()));
        assertEquals(OptionalDouble.empty(), GoStrconv.parseFloat("+nan"));
    }

    @Test
    void trimsAndSplitsOnGoSpace() {
        assertEquals("a b", GoStrconv.trimSpace("\t a b \n\u0085\u00a0"));
        assertEquals("", GoStrconv.trimSpace(" \n"));
        assertEquals(List.of("32768", "60999"), GoStrconv.fields("32768\t60999\n"));
        assertEquals(List.of(), GoStrconv.fields(""));
    }

    @Test
    void decodesUtf8ReplacingEachInvalidRunOnce() {
        assertEquals("A\uFFFDB", decode(new byte[] {'A', (byte) 0xff, (byte) 0xfe, 'B'}));
        assertEquals("\uFFFD", decode(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})); // a surrogate
        assertEquals("\uFFFD", decode(new byte[] {(byte) 0xc0, (byte) 0x80}));              // overlong
        assertEquals("é€😀", decode("é€😀".getBytes(StandardCharsets.UTF_8)));
        assertEquals("x\uFFFD", decode(new byte[] {'x', (byte) 0xe2, (byte) 0x82}));        // cut short
        assertEquals("plain", decode("plain".getBytes(StandardCharsets.UTF_8)));
    }

    private static String decode(byte[] bytes) {
        return GoStrconv.decodeUtf8(bytes, 0, bytes.length);
    }
}
