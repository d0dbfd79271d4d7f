package dev.vigil.model.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertIterableEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenMetricsParserTest {
    private static final String OM = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    @Test
    void parsesMetadataSeriesTimestampsAndSkipsExemplars() throws ExpositionException {
        String text = """
                # HELP go_gc_duration_seconds A summary of the GC invocation durations.
                # TYPE go_gc_duration_seconds summary
                # UNIT go_gc_duration_seconds seconds
                go_gc_duration_seconds{quantile="0"} 4.9351e-05
                go_gc_duration_seconds{quantile="0.5",a="b"} 8.3835e-05
                # HELP help2 escape \\ \\n \\\\ \\" \\x chars
                # UNIT nounit\s
                go_gc_duration_seconds_count 99
                # TYPE go_goroutines gauge
                go_goroutines 33 123.123
                # TYPE hhh histogram
                hhh_bucket{le="+Inf"} 1 # {id="histogram-bucket-test"} 4
                hhh_count 1 # {id="histogram-count-test"} 4 123.5
                # TYPE foo counter
                foo_total 17.0 1520879607.789 # {id="counter-test"} 5
                foo_created 1520872607.123
                # TYPE ii info
                ii{foo="bar"} 1
                # TYPE ss stateset
                ss{ss="foo"} 1
                # EOF
                """;
        assertIterableEquals(List.of(
                "help go_gc_duration_seconds A summary of the GC invocation durations.",
                "type go_gc_duration_seconds summary",
                "unit go_gc_duration_seconds seconds",
                "series go_gc_duration_seconds{quantile=\"0\"} -> {__name__=\"go_gc_duration_seconds\", quantile=\"0\"} 4.9351e-05",
                "series go_gc_duration_seconds{quantile=\"0.5\",a=\"b\"} -> {__name__=\"go_gc_duration_seconds\", a=\"b\", quantile=\"0.5\"} 8.3835e-05",
                "help help2 escape \\ \n \\ \\\" \\x chars",
                "unit nounit ",
                "series go_gc_duration_seconds_count -> {__name__=\"go_gc_duration_seconds_count\"} 99",
                "type go_goroutines gauge",
                "series go_goroutines -> {__name__=\"go_goroutines\"} 33 @123123",
                "type hhh histogram",
                "series hhh_bucket{le=\"+Inf\"} -> {__name__=\"hhh_bucket\", le=\"+Inf\"} 1",
                "series hhh_count -> {__name__=\"hhh_count\"} 1",
                "type foo counter",
                "series foo_total -> {__name__=\"foo_total\"} 17 @1520879607789",
                "series foo_created -> {__name__=\"foo_created\"} 1.520872607123e+09",
                "type ii info",
                "series ii{foo=\"bar\"} -> {__name__=\"ii\", foo=\"bar\"} 1",
                "type ss stateset",
                "series ss{ss=\"foo\"} -> {__name__=\"ss\", ss=\"foo\"} 1"),
                Entries.of(OM, text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "a 1\\n                                  | data does not end with # EOF",
        "a 1\\n# EOF\\nb 2\\n                    | unexpected data after # EOF",
        "\\n# EOF\\n                             | \"INVALID\" is not a valid start token",
        "# just a comment\\n# EOF\\n             | \"INVALID\" is not a valid start token",
        "a  1\\n# EOF\\n                         | expected value after metric, got \"INVALID\"",
        "a{b=\"c\" } 1\\n# EOF\\n                | expected comma, got \"INVALID\"",
        "a{b=\"c\"\\n# EOF\\n                    | expected comma, got \"INVALID\"",
        "a 1 NaN\\n# EOF\\n                      | invalid timestamp NaN",
        "a 1 # {id=\"x\"}\\n# EOF\\n             | expected value after exemplar labels, got \"INVALID\"",
        "# TYPE a gaugex\\n# EOF\\n              | invalid metric type \"gaugex\"",
        "# UNIT a_seconds bytes\\n# EOF\\n       | unit not a suffix of metric \"a_seconds\"",
        "# HELP a\\n# EOF\\n                     | expected text in HELP",
        "a 1 2 3\\n# EOF\\n                      | expected next entry after timestamp, got \"TIMESTAMP\"",
    })
    void errorsReadAsPrometheus(String text, String error) {
        assertEquals(error, Entries.error(OM, text.replace("\\n", "\n")));
    }

    @Test
    void theContentTypePicksTheFormat() {
        byte[] b = "m 1\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(OpenMetricsParser.class, ExpositionParser.forContentType(OM, b, b.length).getClass());
        assertEquals(OpenMetricsParser.class,
                ExpositionParser.forContentType("Application/OpenMetrics-Text", b, b.length).getClass());
        assertEquals(PromTextParser.class, ExpositionParser.forContentType("text/plain; version=0.0.4", b, b.length).getClass());
        assertEquals(PromTextParser.class, ExpositionParser.forContentType("text/html", b, b.length).getClass());
        assertEquals(PromTextParser.class, ExpositionParser.forContentType(null, b, b.length).getClass());
    }
}
