package dev.vigil.container.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FlatKeyedFileTest {

    @Test
    void parsesKeyValueLinesInOrder() {
        assertEquals(Map.of("nr_periods", 4310L, "nr_throttled", 17L, "throttled_time", 912345678L),
                FlatKeyedFile.parse("nr_periods 4310\nnr_throttled 17\nthrottled_time 912345678\n"));
    }

    @Test
    void hugeValuesSaturateAndNoTrailingNewlineIsFine() {
        assertEquals(Map.of("hierarchical_memory_limit", 9223372036854771712L, "big", Long.MAX_VALUE),
                FlatKeyedFile.parse("hierarchical_memory_limit 9223372036854771712\nbig 18446744073709551615"));
    }

    @Test
    void skipsMalformedLinesWithAReasonAndKeepsTheRest() {
        Fixtures.Skips skips = new Fixtures.Skips();
        Map<String, Long> values = FlatKeyedFile.parse(
                "cache 1\nno_value\nrss -5\nthree fields here\nswap abc\nmapped_file 7\n\n", skips);
        assertEquals(Map.of("cache", 1L, "mapped_file", 7L), values);
        assertEquals(4, skips.reasons.size());
        assertEquals("expected 'key value', found 1 fields", skips.reasons.get(0));
        assertEquals("value is not an unsigned integer", skips.reasons.get(1));
        assertEquals("expected 'key value', found 3 fields", skips.reasons.get(2));
        assertEquals("swap abc", skips.lines.get(3));
    }

    @Test
    void repeatedKeyKeepsTheFirst() {
        assertEquals(Map.of("a", 1L), FlatKeyedFile.parse("a 1\na 2\n"));
    }

    @Test
    void emptyTextIsEmpty() {
        assertEquals(Map.of(), FlatKeyedFile.parse(""));
    }
}
