package dev.vigil.exporter.testing;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorContext;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.app.ExporterApp;
import dev.vigil.exporter.app.ExporterSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Starts a real exporter (flags, web-config, Helidon listener) on a free loopback port, with the
 * collectors a test gives it. Log output is captured for assertions.
 */
public final class TestExporter implements AutoCloseable {
    private final ExporterApp.Running running;
    private final ByteArrayOutputStream log;

    private TestExporter(ExporterApp.Running running, ByteArrayOutputStream log) {
        this.running = running;
        this.log = log;
    }

    /** A factory for a collector that is on by default. */
    public static CollectorFactory factory(String name, boolean enabledByDefault, Supplier<Collector> collector) {
        return new CollectorFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean enabledByDefault() {
                return enabledByDefault;
            }

            @Override
            public Collector create(CollectorContext context) {
                return collector.get();
            }
        };
    }

    /** The spec of a test exporter ("test_exporter", namespace "test"). */
    public static ExporterSpec spec(List<CollectorFactory> collectors) {
        return new ExporterSpec("vigil-test-exporter", "test_exporter", "test", "Test Exporter",
                "An exporter for tests.", "127.0.0.1:0", collectors);
    }

    /** Starts with {@code args} plus a loopback listen address (unless args name one). */
    public static TestExporter start(List<CollectorFactory> collectors, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        if (all.stream().noneMatch(arg -> arg.startsWith("--web.listen-address"))) {
            all.add("--web.listen-address=127.0.0.1:0");
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);
        ExporterApp.Running running = ExporterApp.start(spec(collectors), all.toArray(String[]::new), logStream,
                new TeeStream(logStream, System.err));
        return new TestExporter(running, log);
    }

    public int port() {
        return running.ports().get(0);
    }

    public List<Integer> ports() {
        return running.ports();
    }

    /** Everything logged so far. */
    public String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running.close();
    }

    /** Writes to both the capture and the test's stderr, so failures show the exporter's log. */
    private static final class TeeStream extends PrintStream {
        private final PrintStream second;

        TeeStream(PrintStream first, PrintStream second) {
            super(first, true, StandardCharsets.UTF_8);
            this.second = second;
        }

        @Override
        public void write(byte[] buf, int off, int len) {
            super.write(buf, off, len);
            second.write(buf, off, len);
        }

        @Override
        public void write(int b) {
            super.write(b);
            second.write(b);
        }
    }
}
