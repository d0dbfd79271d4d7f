package dev.vigil.model.exposition;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vigil.model.Labels;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of a realistic exposition (bytes flipped, inserted, deleted, lines cut and
 * spliced) through both parsers: each input either parses or fails with an ExpositionException,
 * never another exception or an endless loop. Seeded, so a failure repeats.
 */
class ExpositionFuzzTest {
    private static final String SEED = """
            # HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.
            # TYPE node_cpu_seconds_total counter
            node_cpu_seconds_total{cpu="0",mode="idle"} 1.23456789e+06
            node_cpu_seconds_total{cpu="0",mode="user"} 4321.5
            # HELP node_filesystem_avail_bytes Filesystem space available.
            # TYPE node_filesystem_avail_bytes gauge
            node_filesystem_avail_bytes{device="/dev/sda1",fstype="ext4",mountpoint="/"} 1.2e+10
            node_textfile{path="a\\\\b\\"c\\nd"} NaN 1700000000000
            # TYPE h histogram
            h_bucket{le="+Inf"} 3 # {trace_id="abc"} 1 1.5
            h_count 3
            h_sum -Inf
            # EOF
            """;

    private static final String SPECIALS = "{}=\",# \n\\\t.eE+-0";

    @Test
    void mutatedInputsParseOrFailCleanly() {
        Random random = new Random(20261121);
        byte[] seed = SEED.getBytes(StandardCharsets.UTF_8);
        int failures = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] input = mutate(seed, random);
            for (String contentType : new String[] {"text/plain", "application/openmetrics-text"}) {
                try {
                    ExpositionParser parser = ExpositionParser.forContentType(contentType, input, input.length);
                    int entries = 0;
                    ExpositionParser.Entry entry;
                    while ((entry = parser.next()) != null) {
                        if (++entries > input.length + 1) {
                            fail("more entries than bytes: the parser does not advance on " + new String(input, StandardCharsets.UTF_8));
                        }
                        if (entry == ExpositionParser.Entry.SERIES) {
                            parser.labels(Labels.builder());
                        }
                    }
                } catch (ExpositionException e) {
                    failures++;
                    assertTrue(!e.getMessage().isEmpty());
                } catch (RuntimeException e) {
                    throw new AssertionError("on input " + new String(input, StandardCharsets.UTF_8), e);
                }
            }
        }
        assertTrue(failures > 1000, "the mutations reach the error paths: " + failures);
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] out = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(5)) {
                case 0 -> out[at] = (byte) random.nextInt(256);
                case 1 -> out[at] = (byte) SPECIALS.charAt(random.nextInt(SPECIALS.length()));
                case 2 -> {
                    byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at);
                    longer[at] = (byte) random.nextInt(128);
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    out = longer;
                }
                case 3 -> {
                    if (out.length > 1) {
                        byte[] shorter = new byte[out.length - 1];
                        System.arraycopy(out, 0, shorter, 0, at);
                        System.arraycopy(out, at + 1, shorter, at, out.length - at - 1);
                        out = shorter;
                    }
                }
                default -> out = java.util.Arrays.copyOf(out, at);
            }
            if (out.length == 0) {
                out = new byte[] {'x'};
            }
        }
        return out;
    }
}
