package dev.vigil.model.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertIterableEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromTextParserTest {
    private static List<String> parse(String text) throws ExpositionException {
        return Entries.of("text/plain; version=0.0.4", text);
    }

    @Test
    void parsesTheEntriesPrometheusDoes() throws ExpositionException {
        String text = """
                # HELP go_gc_duration_seconds A summary of the GC invocation durations.
                # \tTYPE go_gc_duration_seconds summary
                go_gc_duration_seconds{quantile="0"} 4.9351e-05
                go_gc_duration_seconds{quantile="0.25",} 7.424100000000001e-05
                go_gc_duration_seconds{quantile="0.5",a="b"} 8.3835e-05
                go_gc_duration_seconds{ quantile="0.9", a="b"} 8.3835e-05
                # Hrandom comment starting with prefix of HELP
                #
                wind_speed{A="2",c="3"} 12345
                # comment with escaped \\n newline
                # comment with escaped \\ escape character
                # HELP nohelp1
                # HELP nohelp2\s
                go_gc_duration_seconds{ quantile="1.0", a="b" } 8.3835e-05
                go_gc_duration_seconds { quantile="1.0", a="b" } 8.3835e-05
                go_gc_duration_seconds { quantile= "1.0", a= "b", } 8.3835e-05
                go_gc_duration_seconds { quantile = "1.0", a = "b" } 8.3835e-05
                go_gc_duration_seconds_count 99
                some:aggregate:rate5m{a_b="c"}\t1
                # HELP go_goroutines Number of goroutines that currently exist.
                # TYPE go_goroutines gauge
                go_goroutines 33  \t123123
                _metric_starting_with_underscore 1
                testmetric{_label_starting_with_underscore="foo"} 1
                testmetric{label="\\"bar\\""} 1
                null_byte_metric{a="abc\u0000"} 1""";
        List<String> entries = parse(text);
        assertIterableEquals(List.of(
                "help go_gc_duration_seconds A summary of the GC invocation durations.",
                "type go_gc_duration_seconds summary",
                "series go_gc_duration_seconds{quantile=\"0\"} -> {__name__=\"go_gc_duration_seconds\", quantile=\"0\"} 4.9351e-05",
                "series go_gc_duration_seconds{quantile=\"0.25\",} -> {__name__=\"go_gc_duration_seconds\", quantile=\"0.25\"} 7.424100000000001e-05",
                "series go_gc_duration_seconds{quantile=\"0.5\",a=\"b\"} -> {__name__=\"go_gc_duration_seconds\", a=\"b\", quantile=\"0.5\"} 8.3835e-05",
                "series go_gc_duration_seconds{ quantile=\"0.9\", a=\"b\"} -> {__name__=\"go_gc_duration_seconds\", a=\"b\", quantile=\"0.9\"} 8.3835e-05",
                "comment # Hrandom comment starting with prefix of HELP",
                "comment #",
                "series wind_speed{A=\"2\",c=\"3\"} -> {A=\"2\", __name__=\"wind_speed\", c=\"3\"} 12345",
                "comment # comment with escaped \\n newline",
                "comment # comment with escaped \\ escape character",
                "help nohelp1 ",
                "help nohelp2 ",
                "series go_gc_duration_seconds{ quantile=\"1.0\", a=\"b\" } -> {__name__=\"go_gc_duration_seconds\", a=\"b\", quantile=\"1.0\"} 8.3835e-05",
                "series go_gc_duration_seconds { quantile=\"1.0\", a=\"b\" } -> {__name__=\"go_gc_duration_seconds\", a=\"b\", quantile=\"1.0\"} 8.3835e-05",
                "series go_gc_duration_seconds { quantile= \"1.0\", a= \"b\", } -> {__name__=\"go_gc_duration_seconds\", a=\"b\", quantile=\"1.0\"} 8.3835e-05",
                "series go_gc_duration_seconds { quantile = \"1.0\", a = \"b\" } -> {__name__=\"go_gc_duration_seconds\", a=\"b\", quantile=\"1.0\"} 8.3835e-05",
                "series go_gc_duration_seconds_count -> {__name__=\"go_gc_duration_seconds_count\"} 99",
                "series some:aggregate:rate5m{a_b=\"c\"} -> {__name__=\"some:aggregate:rate5m\", a_b=\"c\"} 1",
                "help go_goroutines Number of goroutines that currently exist.",
                "type go_goroutines gauge",
                "series go_goroutines -> {__name__=\"go_goroutines\"} 33 @123123",
                "series _metric_starting_with_underscore -> {__name__=\"_metric_starting_with_underscore\"} 1",
                "series testmetric{_label_starting_with_underscore=\"foo\"} -> {__name__=\"testmetric\", _label_starting_with_underscore=\"foo\"} 1",
                "series testmetric{label=\"\\\"bar\\\"\"} -> {__name__=\"testmetric\", label=\"\\\"bar\\\"\"} 1",
                "series null_byte_metric{a=\"abc\u0000\"} -> {__name__=\"null_byte_metric\", a=\"abc\u0000\"} 1"),
                entries);
    }

    @Test
    void helpTextIsUnescapedAndValuesKeepUnknownEscapes() throws ExpositionException {
        assertIterableEquals(List.of("help m a\\b\nc\\t", "series m{a=\"x\\ty\\\\z\\n\"} -> {__name__=\"m\", a=\"x\\\\ty\\\\z\\n\"} 1"),
                parse("# HELP m a\\\\b\\nc\\t\nm{a=\"x\\ty\\\\z\\n\"} 1\n"));
    }

    @Test
    void valuesFollowGoSyntax() throws ExpositionException {
        assertIterableEquals(List.of(
                "series a -> {__name__=\"a\"} +Inf",
                "series b -> {__name__=\"b\"} -Inf",
                "series c -> {__name__=\"c\"} NaN/7ff8000000000001",
                "series d -> {__name__=\"d\"} 1e+06",
                "series e -> {__name__=\"e\"} 0.1",
                "series f -> {__name__=\"f\"} 1.8446744073709552e+19",
                "series g -> {__name__=\"g\"} 1.7976931348623157e+308",
                "series h -> {__name__=\"h\"} 0",
                "series i -> {__name__=\"i\"} 1.2345678912345679e+08",
                "series j -> {__name__=\"j\"} -0.5"),
                parse("a +Inf\nb -inf\nc nan\nd 1E6\ne .1\nf 18446744073709551615\ng 1.7976931348623157e308\n"
                        + "h 1e-400\ni 123456789.123456789\nj -.5\n"));
    }

    @Test
    void fastAndSlowFloatPathsAgreeWithTheJdk() throws ExpositionException {
        java.util.Random random = new java.util.Random(42);
        for (int n = 0; n < 20_000; n++) {
            double v = switch (n % 4) {
                case 0 -> random.nextInt(1_000_000) / 1000.0;
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
                case 2 -> random.nextLong();
                default -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
            };
            String text = n % 3 == 0 ? Double.toString(v) : String.format(java.util.Locale.ROOT, "%.6g", v);
            byte[] b = text.getBytes(StandardCharsets.US_ASCII);
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)),
                    Double.doubleToRawLongBits(GoFloatBytes.parse(b, 0, b.length)), text);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "a                              | expected value after metric, got \"INVALID\"",
        "a{b='c'}                       | expected value after metric, got \"INVALID\"",
        "a{b:c='d'} 1                   | expected equal, got \"INVALID\"",
        "a{b='c' 1                      | expected label name, got \"INVALID\"",
        "a{b=c} 1                       | expected label value, got \"INVALID\"",
        "a{=\"c\"} 1                    | expected label name, got \"EQUAL\"",
        "a 1 2 3                        | expected next entry after timestamp, got \"TIMESTAMP\"",
        "a 1 -2                         | expected timestamp or new record, got \"INVALID\"",
        "a 1 1.5                        | expected next entry after timestamp, got \"INVALID\"",
        "a abc                          | strconv.ParseFloat: parsing \"abc\": invalid syntax",
        "a 0x1p-3                       | unsupported character in float",
        "a 1_000                        | unsupported character in float",
        "a 1e500                        | strconv.ParseFloat: parsing \"1e500\": value out of range",
        "a 1 99999999999999999999       | strconv.ParseInt: parsing \"99999999999999999999\": value out of range",
        "<html>                         | \"INVALID\" is not a valid start token",
        "{a=\"b\"} 1                    | \"INVALID\" is not a valid start token",
        "# TYPE a gauges                | invalid metric type \"gauges\"",
        "# TYPE 1a gauge                | expected metric name after TYPE, got \"INVALID\"",
        "a{b=\"c\",b=\"d\"} 1           | label name \"b\" is not unique: invalid sample",
        "a{__name__=\"b\"} 1           | label name \"__name__\" is not unique: invalid sample",
    })
    void errorsReadAsPrometheus(String text, String error) {
        assertEquals(error, Entries.error(null, text.replace("\\n", "\n").replace("'", "\"")));
    }

    @Test
    void invalidUtf8InALabelValueIsRefused() {
        byte[] b = {'a', '{', 'b', '=', '"', (byte) 0xff, '"', '}', ' ', '1', '\n'};
        ExpositionParser parser = new PromTextParser(b, b.length);
        ExpositionException e = org.junit.jupiter.api.Assertions.assertThrows(ExpositionException.class, parser::next);
        assertEquals("invalid UTF-8 label value", e.getMessage());
    }

    @Test
    void aBufferWithASpareByteIsNotCopied() throws ExpositionException {
        byte[] b = "m 1".getBytes(StandardCharsets.US_ASCII);
        byte[] room = java.util.Arrays.copyOf(b, b.length + 5);
        ExpositionParser parser = new PromTextParser(room, b.length);
        assertEquals(ExpositionParser.Entry.SERIES, parser.next());
        assertEquals(room, parser.buffer());
        assertEquals(1.0, parser.value());
        assertEquals(null, parser.next());
    }
}
