package dev.vigil.container.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NestedKeyedFileTest {

    @Test
    void parsesIoStatLines() {
        Map<String, Map<String, String>> lines = NestedKeyedFile.parse(
                "8:0 rbytes=1459200 wbytes=314773504 rios=192 wios=353 dbytes=0 dios=0\n"
                        + "8:16 rbytes=1 wbytes=2 rios=3 wios=4 cost.usage=5\n");
        assertEquals(List.of("8:0", "8:16"), List.copyOf(lines.keySet()));
        assertEquals("314773504", lines.get("8:0").get("wbytes"));
        assertEquals("5", lines.get("8:16").get("cost.usage"));
    }

    @Test
    void lineKeyWithoutFieldsIsKeptEmpty() {
        // io.stat may list a device with no counters on some kernels; the line key alone is valid.
        assertEquals(Map.of("8:0", Map.of()), NestedKeyedFile.parse("8:0\n"));
    }

    @Test
    void skipsMalformedLinesWithAReason() {
        Fixtures.Skips skips = new Fixtures.Skips();
        Map<String, Map<String, String>> lines = NestedKeyedFile.parse(
                "some avg10=0.00 total=5\nbogus line\nfull avg10= total=1\nrbytes=1 wbytes=2\nfull avg10=1.00 total=2\n",
                skips);
        assertEquals(Map.of("some", Map.of("avg10", "0.00", "total", "5"), "full", Map.of("avg10", "1.00", "total", "2")),
                lines);
        assertEquals(3, skips.reasons.size());
        assertEquals("field 'line' is not key=value", skips.reasons.get(0));
        assertTrue(skips.reasons.get(1).contains("avg10="));
        assertEquals("line starts with a key=value field, not a line key", skips.reasons.get(2));
    }
}
