package dev.vigil.jvm.agent.it;

import dev.vigil.exporter.testing.HttpProbe;
import dev.vigil.jvm.testing.TextSamples;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A scrape of the text format, as {@code name{label="value",...}} to value (labels sorted). */
record Scrape(String text, Map<String, Double> samples) {
    static Scrape of(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (TextSamples.Sample sample : TextSamples.parse(text)) {
            samples.put(key(sample.name(), sample.labels()), sample.value());
        }
        return new Scrape(text, samples);
    }

    /** GETs {@code /metrics} on 127.0.0.1:port; fails unless 200. */
    static Scrape get(int port) throws IOException {
        HttpProbe.Response response = HttpProbe.plain().get(port, "/metrics");
        if (response.status() != 200) {
            throw new AssertionError("status " + response.status());
        }
        return of(new String(response.rawBody(), StandardCharsets.UTF_8));
    }

    /** Scrapes until the agent answers (agents start in the background), at most 20 s. */
    static Scrape await(AgentProcess app, int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            try {
                return get(port);
            } catch (ConnectException e) {
                if (System.nanoTime() > deadline || !app.isAlive()) {
                    throw new AssertionError("agent never answered on " + port + "; stderr: " + app.stderr(), e);
                }
                Thread.sleep(50);
            }
        }
    }

    static String key(String name, Map<String, String> labels) {
        return name + TextSamples.labelText(labels);
    }

    /** The value of a sample; fails naming the sample if it is missing. */
    double value(String name, String... labelPairs) {
        Map<String, String> labels = new TreeMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            labels.put(labelPairs[i], labelPairs[i + 1]);
        }
        Double value = samples.get(key(name, labels));
        if (value == null) {
            throw new AssertionError("no sample " + key(name, labels) + " in:\n" + text);
        }
        return value;
    }
}
