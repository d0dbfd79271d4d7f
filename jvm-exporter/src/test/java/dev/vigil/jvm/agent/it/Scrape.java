package dev.vigil.jvm.agent.it;

import dev.vigil.exporter.testing.HttpProbe;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A scrape of the text format, as {@code name{label="value",...}} to value (labels sorted). */
record Scrape(String text, Map<String, Double> samples) {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static Scrape of(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                throw new AssertionError("not a sample line: " + line);
            }
            Map<String, String> labels = new TreeMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.put(key(m.group(1), labels), Double.parseDouble(m.group(3)));
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
        StringBuilder out = new StringBuilder(name);
        if (!labels.isEmpty()) {
            out.append('{');
            new TreeMap<>(labels).forEach((k, v) -> out.append(k).append("=\"").append(v).append("\","));
            out.setLength(out.length() - 1);
            out.append('}');
        }
        return out.toString();
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
