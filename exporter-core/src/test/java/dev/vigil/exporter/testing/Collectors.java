package dev.vigil.exporter.testing;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.MetricSink;
import java.io.IOException;

/** Collectors written as lambdas, for tests. */
public final class Collectors {
    private Collectors() {
    }

    /** What a test collector does on each update. */
    @FunctionalInterface
    public interface Update {
        void update(MetricSink sink) throws IOException;
    }

    /** A collector named {@code name} that runs {@code update}. */
    public static Collector named(String name, Update update) {
        return new Collector() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void update(MetricSink sink) throws IOException {
                update.update(sink);
            }
        };
    }

    /** Sleeps, ignoring nothing: an interrupted sleep keeps the thread's interrupt flag. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
