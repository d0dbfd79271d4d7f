package dev.vigil.container.cgroup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "a", "a b", " a b", "a b ", "  a\t\tb  c ", "8:0 Read 4096", "\u000b\fx\ry\n",
            "total_rss 123", "a\u00a0b"})
    void splitsAsTheRegexDoes(String text) {
        assertArrayEquals(text.split("\\s+"), Fields.split(text), "[" + text + "]");
    }

    @Test
    void randomLinesSplitAsTheRegexDoes() {
        Random random = new Random(42);
        char[] alphabet = {'a', 'b', '1', ' ', '\t', '\n', '\r', '\f', 0x0B, ':', '_'};
        for (int round = 0; round < 20_000; round++) {
            char[] line = new char[random.nextInt(12)];
            for (int i = 0; i < line.length; i++) {
                line[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String text = new String(line);
            assertArrayEquals(text.split("\\s+"), Fields.split(text), "[" + text + "]");
        }
    }
}
