package dev.vigil.bench;

import dev.vigil.model.exposition.ExpositionException;
import dev.vigil.model.exposition.ExpositionParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hub's scrape parser over a real node_exporter response ({@code bench/data/node-a.prom},
 * 58 KB, captured from a host) in the text format and as OpenMetrics: every entry visited, and
 * for each series what a steady-state scrape needs (its bytes' bounds, value and timestamp), as
 * Prometheus' own parser benchmark does. MB/s = bytes per op ({@link #size}, printed in setup)
 * / µs per op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScrapeParseBenchmark {
    @Param({"text", "openmetrics"})
    public String format;

    private byte[] body;
    private int size;
    private String contentType;

    @Setup
    public void read() throws IOException {
        Path file = Path.of(System.getProperty("exposition", "bench/data/node-a.prom"));
        String text = Files.readString(file);
        if (format.equals("openmetrics")) {
            text = text.replace(" untyped\n", " unknown\n") + "# EOF\n";
            contentType = "application/openmetrics-text; version=1.0.0";
        } else {
            contentType = "text/plain; version=0.0.4";
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        size = bytes.length;
        body = Arrays.copyOf(bytes, size + 1);
        System.out.printf("%n%s: %d bytes per op%n", format, size);
    }

    @Benchmark
    public long parse() throws ExpositionException {
        ExpositionParser parser = ExpositionParser.forContentType(contentType, body, size);
        long sink = 0;
        ExpositionParser.Entry entry;
        while ((entry = parser.next()) != null) {
            if (entry == ExpositionParser.Entry.SERIES) {
                sink += parser.seriesEnd() - parser.seriesStart();
                sink += Double.doubleToRawLongBits(parser.value());
                if (parser.hasTimestamp()) {
                    sink += parser.timestamp();
                }
            }
        }
        return sink;
    }
}
