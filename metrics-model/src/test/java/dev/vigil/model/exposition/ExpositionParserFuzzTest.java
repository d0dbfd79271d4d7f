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
 * whatever parses is written back in the text format 0.0.4 and must parse to the same samples
 * (labels, value bits, timestamp). A plain {@code mvn test} replays the seeds and found cases in
 * {@code ExpositionParserFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes (bench/fuzz.sh).
 */
class ExpositionParserFuzzTest {

    /** One sample as the scrape loop sees it. */
    record Sample(Labels labels, long valueBits, boolean hasTimestamp, long timestamp) {
    }

    @FuzzTest(maxDuration = "60s")
    void promText(byte[] input) {
        roundTrip("text/plain; version=0.0.4", input);
    }

    @FuzzTest(maxDuration = "60s")
    void openMetrics(byte[] input) {
        roundTrip("application/openmetrics-text; version=1.0.0", input);
    }

    /** The textfile collector's parser: an error names a line of the input, counted from 1. */
    @FuzzTest(maxDuration = "60s")
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
        byte[] rendered = render(first);
        List<Sample> second;
        try {
            second = parse("text/plain", rendered);
        } catch (ExpositionException e) {
            throw new AssertionError("re-rendered exposition does not parse (" + e.getMessage() + "):\n"
                    + new String(rendered, StandardCharsets.UTF_8), e);
        }
        assertEquals(first, second, () -> "re-rendered:\n" + new String(rendered, StandardCharsets.UTF_8));
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

    /** The samples in the text format 0.0.4, one line each, as an exporter would write them. */
    static byte[] render(List<Sample> samples) {
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
                out.append(' ').append(s.timestamp());
            }
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
