package dev.vigil.promql.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.model.Labels;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptParserTest {
    @Test
    void readsEveryCommand() throws ScriptSyntaxException {
        Script s = ScriptParser.parse("t", """
                # a comment
                load 1h30m
                  m{a="b"} 1 2
                  n 3

                eval instant at 5m sum(m)
                  {} 3

                eval_ordered instant at 0 sort_desc(m)
                  m{a="b"} 1

                eval instant at 1m scalar(n)
                  2.5

                eval_fail instant at 0 sum(

                clear
                eval range from 0 to 10m step 5m m
                  m{a="b"} 1 _ 2
                """);
        assertEquals(7, s.commands().size());
        Command.Load load = assertInstanceOf(Command.Load.class, s.commands().get(0));
        assertEquals(2, load.line());
        assertEquals(5_400_000, load.intervalMillis());
        assertEquals(List.of(Labels.of("__name__", "m", "a", "b"), Labels.of("__name__", "n")),
                load.series().stream().map(SeriesDescription::labels).toList());
        Command.Eval sum = assertInstanceOf(Command.Eval.class, s.commands().get(1));
        assertEquals("sum(m)", sum.expr());
        assertEquals(300_000, sum.start());
        assertFalse(sum.range());
        assertEquals(Labels.EMPTY, sum.expected().get(0).labels());
        assertTrue(((Command.Eval) s.commands().get(2)).ordered());
        assertEquals(2.5, ((Command.Eval) s.commands().get(3)).expectedScalar());
        Command.Eval fail = (Command.Eval) s.commands().get(4);
        assertTrue(fail.fail());
        assertEquals(15, fail.line());
        assertEquals(17, s.commands().get(5).line());
        assertInstanceOf(Command.Clear.class, s.commands().get(5));
        Command.Eval range = (Command.Eval) s.commands().get(6);
        assertTrue(range.range());
        assertEquals(600_000, range.end());
        assertEquals(300_000, range.step());
        assertNull(range.expectedScalar());
        assertEquals("1 _ 2", String.join(" ", range.expected().get(0).values().stream().map(Object::toString).toList()));
        assertEquals(3, range.stepTimes().length);
    }

    @Test
    void aCommentEndsABlockAsInPrometheus() {
        ScriptSyntaxException e = assertThrows(ScriptSyntaxException.class, () -> ScriptParser.parse("t", """
                load 5m
                  m 1
                # comment
                  n 2
                """));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("invalid command"), e.getMessage());
    }

    @Test
    void rejectsBadCommands() {
        for (String bad : List.of("load", "load x", "eval instant 5m m", "eval instant at 5x m",
                "eval instant at 0 m\n  m 1 2", "eval range from 10m to 0 step 1m m",
                "eval range from 0 to 10m step 0 m", "eval_ordered range from 0 to 1m step 1m m",
                "eval range from 0 to 1m step 1m m\n  m 1 2 3", "eval_fail instant at 0 m\n  m 1", "frobnicate",
                "eval instant at 0 m\n  m 1\n  m 2")) {
            assertThrows(ScriptSyntaxException.class, () -> ScriptParser.parse("t", bad), bad);
        }
    }

    @Test
    void durations() {
        assertEquals(0, Durations.parse("0"));
        assertEquals(90_061_001L, Durations.parse("1d1h1m1s1ms"));
        assertEquals(365L * 86_400_000 + 7L * 86_400_000, Durations.parse("1y1w"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("1m1h"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("-5m"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(""));
        assertEquals("1h30m", Durations.format(5_400_000));
        assertEquals("0s", Durations.format(0));
        assertEquals("1s500ms", Durations.format(1_500));
    }

    @Test
    void almostEqualIsPrometheus242s() {
        assertTrue(ResultCheck.almostEqual(Double.NaN, Double.NaN));
        assertTrue(ResultCheck.almostEqual(1, 1 + 1e-7));
        assertFalse(ResultCheck.almostEqual(1, 1 + 1e-5));
        assertFalse(ResultCheck.almostEqual(0, 1e-300));
        assertTrue(ResultCheck.almostEqual(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertFalse(ResultCheck.almostEqual(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        assertFalse(ResultCheck.almostEqual(Double.NaN, 0));
    }
}
