package dev.vigil.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.model.MetricType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextFormatParserTest {

    @Test
    void parsesFamiliesLabelsValuesAndTimestamps() throws Exception {
        List<ParsedFamily> families = TextFormatParser.parse("""
                # HELP http_requests_total The total number of HTTP requests.
                # TYPE http_requests_total counter
                http_requests_total{method="post",code="200"} 1027 1395066363000
                http_requests_total{method="post",code="400"}    3 1395066363000

                # A plain comment
                msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9
                metric_without_timestamp_and_labels 12.47
                something_weird{problem="division by zero"} +Inf -3982045
                # TYPE rpc_duration_seconds summary
                rpc_duration_seconds{quantile="0.5"} 4773
                rpc_duration_seconds_sum 1.7560473e+07
                rpc_duration_seconds_count 2693
                """);
        assertEquals(5, families.size());
        ParsedFamily http = families.get(0);
        assertEquals(MetricType.COUNTER, http.type());
        assertEquals("The total number of HTTP requests.", http.help());
        assertEquals(1395066363000L, http.samples().get(1).timestampMs());
        assertEquals(3.0, http.samples().get(1).value());
        ParsedFamily msdos = families.get(1);
        assertEquals(MetricType.UNTYPED, msdos.type());
        assertNull(msdos.help());
        assertEquals("C:\\DIR\\FILE.TXT", msdos.samples().get(0).label("path"));
        assertEquals("Cannot find file:\n\"FILE.TXT\"", msdos.samples().get(0).label("error"));
        assertEquals(Double.POSITIVE_INFINITY, families.get(3).samples().get(0).value());
        assertEquals(-3982045L, families.get(3).samples().get(0).timestampMs());
        assertEquals(3, families.get(4).samples().size(), "_sum and _count belong to the summary");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "# TYPE a gauge\\n# TYPE a counter | 2 | second TYPE line for metric name \"a\", or TYPE reported after samples",
        "a 1\\n# TYPE a gauge | 2 | second TYPE line for metric name \"a\", or TYPE reported after samples",
        "# HELP a x\\n# HELP a y | 2 | second HELP line for metric name \"a\"",
        "# TYPE a gauges | 1 | unknown metric type \"gauges\"",
        "a{b=\"1\",b=\"2\"} 1 | 1 | duplicate label names for metric \"a\"",
        "a{b=\"1} 1 | 1 | unexpected end of label value",
        "a{b=1} 1 | 1 | expected '\"' at start of label value, found \"1\"",
        "a{b\"1\"} 1 | 1 | expected '=' after label name, found \"\"\"",
        "a{b=\"\\x\"} 1 | 1 | invalid escape sequence '\\x'",
        "a 1\\n# HELP b x\\ty | 2 | invalid escape sequence '\\t'",
        "a one | 1 | expected float as value, got \"one\"",
        "a 1 12.5 | 1 | expected integer as timestamp, got \"12.5\"",
        "a 1 12 extra | 1 | spurious string after timestamp: \"extra\"",
        "ok 1\\n\\n{b=\"1\"} 1 | 3 | invalid metric name",
        "a 1d | 1 | expected float as value, got \"1d\"",
        "a 0x10 | 1 | expected float as value, got \"0x10\"",
    })
    void errorsCarryLineAndGoWording(String text, int line, String reason) {
        TextParseException error = assertThrows(TextParseException.class,
                () -> TextFormatParser.parse(text.replace("\\n", "\n")));
        assertEquals(line, error.line());
        assertEquals("text format parsing error in line " + line + ": " + reason, error.getMessage());
    }

    @Test
    void acceptsGoFloatSpellings() throws Exception {
        List<ParsedFamily> families = TextFormatParser.parse("a NaN\nb -Inf\nc 1e-3\nd 0x1p4\ne .5\nf +3\n");
        assertTrue(Double.isNaN(families.get(0).samples().get(0).value()));
        assertEquals(Double.NEGATIVE_INFINITY, families.get(1).samples().get(0).value());
        assertEquals(0.001, families.get(2).samples().get(0).value());
        assertEquals(16.0, families.get(3).samples().get(0).value());
        assertEquals(0.5, families.get(4).samples().get(0).value());
        assertEquals(3.0, families.get(5).samples().get(0).value());
    }
}
