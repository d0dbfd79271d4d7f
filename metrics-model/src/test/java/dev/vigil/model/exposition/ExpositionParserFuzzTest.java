package dev.vigil.model.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.model.GoFloats;
import dev.vigil.model.Labels;
import dev.vigil.model.text.ParsedFamily;
import dev.vigil.model.text.TextFormatParser;
import dev.vigil.model.text.TextParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzz targets (Jazzer) for the parsers a scrape and the textfile collector use.
 * Any byte input either parses or fails with the parser's own exception; for the scrape parsers,
 * whatever parses is written back in its format and must parse to the same samples
 * (labels, value bits, timestamp). A plain {@code mvn test} replays the seeds and found cases in
 * {@code ExpositionParserFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes (bench/fuzz.sh).
 */
class ExpositionParserFuzzTest {

    /** One sample as the scrape loop sees it. */
    record Sample(Labels labels, long valueBits, boolean hasTimestamp, long timestamp) {
    }

    @FuzzTest
    void promText(byte[] input) {
        roundTrip("text/plain; version=0.0.4", input);
    }

    @FuzzTest
    void openMetrics(byte[] input) {
        roundTrip("application/openmetrics-text; version=1.0.0", input);
    }

    /** The textfile collector's parser: an error names a line of the input, counted from 1. */
    @FuzzTest
    void textFormat(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            List<ParsedFamily> families = TextFormatParser.parse(text);
            for (ParsedFamily family : families) {
                assertFalse(family.name().isEmpty());
            }
        } catch (TextParseException e) {
            long lines = text.chars().filter(c -> c == '\n').count() + 1;
            assertTrue(e.line() >= 1 && e.line() <= lines, "line " + e.line() + " of " + lines + ": " + e.getMessage());
            assertTrue(e.getMessage().startsWith("text format parsing error in line " + e.line() + ": "), e.getMessage());
        }
    }

    private static void roundTrip(String contentType, byte[] input) {
        List<Sample> first;
        try {
            first = parse(contentType, input);
        } catch (ExpositionException e) {
            assertFalse(e.getMessage().isBlank(), "an error says what is wrong");
            return;
        }
        boolean openMetrics = contentType.startsWith("application/openmetrics-text");
        byte[] rendered = render(first, openMetrics);
        List<Sample> second;
        try {
            second = parse(contentType, rendered);
        } catch (ExpositionException e) {
            throw new AssertionError("re-rendered exposition does not parse (" + e.getMessage() + "):\n"
                    + new String(rendered, StandardCharsets.UTF_8), e);
        }
        assertEquals(first.size(), second.size());
        for (int k = 0; k < first.size(); k++) {
            Sample a = first.get(k);
            Sample b = second.get(k);
            String where = "sample " + k + " re-rendered as:\n" + new String(rendered, StandardCharsets.UTF_8);
            assertEquals(a.labels(), b.labels(), where);
            assertEquals(a.valueBits(), b.valueBits(), where);
            assertEquals(a.hasTimestamp(), b.hasTimestamp(), where);
            // OpenMetrics timestamps are float seconds that Prometheus truncates to milliseconds: the
            // decimal text of a millisecond count may come back one below it
            long slack = openMetrics ? 1 : 0;
            assertTrue(Math.abs(a.timestamp() - b.timestamp()) <= slack, a.timestamp() + " vs " + b.timestamp() + ": " + where);
        }
    }

    static List<Sample> parse(String contentType, byte[] input) throws ExpositionException {
        ExpositionParser parser = ExpositionParser.forContentType(contentType, input, input.length);
        List<Sample> out = new ArrayList<>();
        int entries = 0;
        ExpositionParser.Entry entry;
        while ((entry = parser.next()) != null) {
            if (++entries > input.length + 1) {
                fail("more entries than bytes: the parser does not advance");
            }
            if (entry == ExpositionParser.Entry.SERIES) {
                Labels.Builder builder = Labels.builder();
                parser.labels(builder);
                out.add(new Sample(builder.build(), Double.doubleToRawLongBits(parser.value()),
                        parser.hasTimestamp(), parser.hasTimestamp() ? parser.timestamp() : 0));
            } else if (entry == ExpositionParser.Entry.TYPE) {
                assertTrue(parser.type() != null && !parser.type().isEmpty());
            } else {
                parser.text();
                if (entry != ExpositionParser.Entry.COMMENT) {
                    parser.metricName();
                }
            }
        }
        return out;
    }

    /**
     * The samples one line each, as an exporter would write them: in the text format 0.0.4
     * (timestamps in milliseconds) or in OpenMetrics (timestamps in seconds, {@code # EOF} last).
     */
    static byte[] render(List<Sample> samples, boolean openMetrics) {
        StringBuilder out = new StringBuilder();
        for (Sample s : samples) {
            Labels labels = s.labels();
            out.append(labels.metricName());
            boolean open = false;
            for (int i = 0; i < labels.size(); i++) {
                if (labels.name(i).equals(Labels.METRIC_NAME)) {
                    continue;
                }
                out.append(open ? ',' : '{');
                open = true;
                out.append(labels.name(i)).append("=\"");
                String v = labels.value(i);
                for (int k = 0; k < v.length(); k++) {
                    char c = v.charAt(k);
                    switch (c) {
                        case '\\' -> out.append("\\\\");
                        case '"' -> out.append("\\\"");
                        case '\n' -> out.append("\\n");
                        default -> out.append(c);
                    }
                }
                out.append('"');
            }
            if (open) {
                out.append('}');
            }
            out.append(' ').append(GoFloats.format(Double.longBitsToDouble(s.valueBits())));
            if (s.hasTimestamp()) {
                out.append(' ').append(openMetrics ? seconds(s.timestamp()) : Long.toString(s.timestamp()));
            }
            out.append('\n');
        }
        if (openMetrics) {
            out.append("# EOF\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Milliseconds as exact decimal seconds: -1500 is -1.500. */
    private static String seconds(long ms) {
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(ms, 3);
        return d.toPlainString();
    }
}
