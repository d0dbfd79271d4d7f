package dev.vigil.promql.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.model.Labels;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeriesDescriptionTest {
    private static String values(String text) throws ScriptSyntaxException {
        return String.join(" ", SeriesDescription.parse("m " + text).values().stream().map(SequenceValue::toString)
                .toList());
    }

    @Test
    void expandsLikePrometheus() throws ScriptSyntaxException {
        assertEquals("1 3 5 7", values("1+2x3"));
        assertEquals("5 5 5", values("5x2"), "vxN is N+1 values");
        assertEquals("_ _ _", values("_x3"), "_xN is N omitted steps");
        assertEquals("-1 -2 -3", values("-1-1x2"));
        assertEquals("1000 Inf -Inf NaN NaN", values("1e3 Inf -inf NaN nan"));
        assertEquals("0.5 _ stale 2", values("0.5 _ stale 2"));
        assertEquals("1 2", values("+1 \t 2  "));
        assertEquals("10 9.5 9", values("10-0.5x2"));
        assertEquals("", values(""));
    }

    @Test
    void staleIsTheStaleMarkerBitForBit() throws ScriptSyntaxException {
        SequenceValue v = SeriesDescription.parse("m stale").values().get(0);
        assertEquals(0x7ff0000000000002L, Double.doubleToRawLongBits(v.value()));
        assertTrue(v.stale());
        assertTrue(!SeriesDescription.parse("m NaN").values().get(0).stale());
    }

    @Test
    void readsMetricsAndLabels() throws ScriptSyntaxException {
        assertEquals(Labels.of("__name__", "up", "job", "a", "i", "x\"y\n"),
                SeriesDescription.parse("up{job=\"a\", i=\"x\\\"y\\n\",} 1").labels());
        assertEquals(Labels.of("__name__", "a:b_c"), SeriesDescription.parse("{__name__=\"a:b_c\"} 1").labels());
        assertEquals(Labels.of("__name__", "sum"), SeriesDescription.parse("sum 1").labels());
        assertEquals(Labels.EMPTY, SeriesDescription.parse("{} 3").labels());
        assertEquals(Labels.of("a", "\u00e9\t"), SeriesDescription.parse("{a='\\u00e9\\x09'}").labels());
        assertEquals(Labels.of("a", "raw\\n"), SeriesDescription.parse("{a=`raw\\n`}").labels());
        assertEquals(List.of(), SeriesDescription.parse("m{}").values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"m 1+2", "m 0x10x2", "m 1x", "m 1xa", "m stalex2", "m 1_", "m{a=~\"b\"} 1", "m{a=\"b\" 1",
            "m{a=\"b\", a=\"c\"} 1", "m{a=b} 1", "1 2", "m 1 ,2", "m{a=\"b}", "m 1e3.5", "m NaNx3", "nan 1", "Inf 2"})
    void rejectsWhatPrometheusRejects(String text) {
        assertThrows(ScriptSyntaxException.class, () -> SeriesDescription.parse(text));
    }
}
