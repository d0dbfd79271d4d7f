package dev.vigil.promql.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.model.Labels;
import dev.vigil.storage.Querier;
import dev.vigil.storage.SampleIterator;
import dev.vigil.storage.Series;
import dev.vigil.storage.index.Matcher;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryStorageTest {
    @Test
    void loadSelectAndStaleness() throws ScriptSyntaxException {
        MemoryStorage storage = new MemoryStorage();
        Script s = ScriptParser.parse("t", """
                load 1m
                  b{x="2"} 1 stale _ 4
                  a{x="1"} _x2 5
                """);
        assertEquals(null, ScriptRunner.load(storage, (Command.Load) s.commands().get(0)));
        try (Querier q = storage.querier(0, 120_000)) {
            List<Series> all = q.select(List.of());
            assertEquals(List.of(Labels.of("__name__", "a", "x", "1"), Labels.of("__name__", "b", "x", "2")),
                    all.stream().map(Series::labels).toList(), "sorted by labels");
            SampleIterator it = all.get(1).iterator();
            assertTrue(it.next());
            assertEquals(0, it.timestamp());
            assertTrue(it.next());
            assertEquals(0x7ff0000000000002L, Double.doubleToRawLongBits(it.value()));
            assertFalse(it.next(), "the sample at 3m is outside the range");
            assertTrue(all.get(0).iterator().seek(100_000));
            assertEquals(List.of("__name__", "x"), q.labelNames(List.of(Matcher.regex("x", "1|2"))));
            assertEquals(List.of("2"), q.labelValues("x", List.of(Matcher.equal("__name__", "b"))));
        }
        try (Querier q = storage.querier(150_000, 170_000)) {
            assertEquals(List.of(), q.select(List.of()), "no series without samples in range");
        }
        assertThrows(IllegalArgumentException.class, () -> storage.add(Labels.of("__name__", "a", "x", "1"), 120_000, 1));
        storage.clear();
        assertEquals(0, storage.size());
    }
}
