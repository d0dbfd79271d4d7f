package dev.vigil.promql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.storage.index.Matcher;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Parser#parseMetricSelector}, as the HTTP API's {@code match[]} uses it. */
class MetricSelectorTest {
    @Test
    void nameBecomesTheLastMatcher() throws ParseException {
        assertEquals(List.of(Matcher.equal("a", "b"), Matcher.regex("c", "d.*"), Matcher.equal("__name__", "up")),
                Parser.parseMetricSelector("up{a=\"b\",c=~'d.*'}"));
    }

    @Test
    void keywordsNameMetricsAndEmptySelectorsPassUnchecked() throws ParseException {
        assertEquals(List.of(Matcher.equal("__name__", "sum")), Parser.parseMetricSelector("sum"));
        assertEquals(List.of(), Parser.parseMetricSelector("{}"));
        assertEquals(List.of(Matcher.equal("__name__", "b"), Matcher.equal("__name__", "a")),
                Parser.parseMetricSelector("a{__name__=\"b\"}"));
    }

    @Test
    void anythingButASelectorFails() {
        assertEquals("1:5: parse error: unexpected <offset>",
                assertThrows(ParseException.class, () -> Parser.parseMetricSelector("foo offset 5m")).getMessage());
        assertEquals("1:4: parse error: unexpected \"(\"",
                assertThrows(ParseException.class, () -> Parser.parseMetricSelector("sum(x)")).getMessage());
        assertEquals("1:1: parse error: unexpected end of input",
                assertThrows(ParseException.class, () -> Parser.parseMetricSelector("")).getMessage());
    }
}
