package dev.vigil.hub.cli;

import dev.vigil.model.GoFloats;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.vigil.hub.web.GoFloat;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code query instant} and {@code query range} against any Prometheus-compatible server, as
 * promtool 2.42 runs them: a POST form to {@code /api/v1/query[_range]}, the same defaults (now;
 * the last 5 minutes; a step of a 250th of the range, at least 1 s), and the result printed in
 * {@link ModelText}'s spelling; an API error goes to stderr as {@code query error: <type>: <msg>}.
 */
final class QueryCommand {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private QueryCommand() {
    }

    static int instant(String server, String expr, String time, PrintStream out, PrintStream err) {
        String t;
        try {
            t = time.isEmpty() ? seconds(System.currentTimeMillis() * 1_000_000L) : parseTime(time);
        } catch (IllegalArgumentException e) {
            err.println("error parsing evaluation time: " + e.getMessage());
            return 1;
        }
        return run(server, "/api/v1/query", "query=" + enc(expr) + "&time=" + enc(t), out, err);
    }

    static int range(String server, String expr, String start, String end, String step, PrintStream out,
            PrintStream err) {
        double e;
        double s;
        try {
            e = end.isEmpty() ? System.currentTimeMillis() / 1000.0 : Double.parseDouble(parseTime(end));
        } catch (IllegalArgumentException ex) {
            err.println("error parsing end time: " + ex.getMessage());
            return 1;
        }
        try {
            s = start.isEmpty() ? e - 300 : Double.parseDouble(parseTime(start));
        } catch (IllegalArgumentException ex) {
            err.println("error parsing start time: " + ex.getMessage());
            return 1;
        }
        if (!(s < e)) {
            err.println("start time is not before end time");
            return 1;
        }
        double stepSeconds;
        if (step.isEmpty() || goDurationNanos(step) == 0) {
            stepSeconds = Math.max(Math.floor((e - s) / 250), 1);
        } else {
            stepSeconds = goDurationNanos(step) / 1e9;
        }
        return run(server, "/api/v1/query_range", "query=" + enc(expr) + "&start=" + enc(GoFloats.formatF(s))
                + "&end=" + enc(GoFloats.formatF(e)) + "&step=" + enc(GoFloats.formatF(stepSeconds)), out, err);
    }

    private static int run(String server, String path, String form, PrintStream out, PrintStream err) {
        String base = server.contains("://") ? server : "http://" + server;
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        HttpResponse<String> response;
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
            response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofMinutes(2))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | IllegalArgumentException e) {
            err.println("query error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        try {
            out.println(print(response.body()));
            return 0;
        } catch (QueryError e) {
            err.println("query error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("query error: bad_response: " + e.getMessage());
            return 1;
        }
    }

    /** An API error: {@code <errorType>: <error>}. */
    static final class QueryError extends Exception {
        QueryError(String message) {
            super(message);
        }
    }

    /** The printed form of an API response body. */
    static String print(String body) throws IOException, QueryError {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            String status = "";
            String errorType = "";
            String error = "";
            String result = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "status" -> status = p.getText();
                    case "errorType" -> errorType = p.getText();
                    case "error" -> error = p.getText();
                    case "data" -> result = data(p);
                    default -> p.skipChildren();
                }
            }
            if (!status.equals("success")) {
                throw new QueryError(errorType + ": " + error);
            }
            if (result == null) {
                throw new IOException("no data in the response");
            }
            return result;
        }
    }

    private static String data(JsonParser p) throws IOException {
        String type = "";
        String text = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("resultType")) {
                type = p.getText();
            } else if (field.equals("result")) {
                text = switch (type) {
                    case "vector" -> ModelText.vector(streams(p, "value"));
                    case "matrix" -> ModelText.matrix(streams(p, "values"));
                    case "scalar", "string" -> {
                        p.nextToken();
                        long t = millis(p.getText());
                        p.nextToken();
                        String v = p.getText();
                        p.nextToken();
                        yield type.equals("scalar") ? ModelText.scalar(t, parseValue(v)) : ModelText.string(t, v);
                    }
                    default -> throw new IOException("unknown resultType \"" + type + "\" (or result before it)");
                };
            } else {
                p.skipChildren();
            }
        }
        return text;
    }

    private static List<ModelText.Stream> streams(JsonParser p, String pointsField) throws IOException {
        List<ModelText.Stream> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            Map<String, String> metric = new LinkedHashMap<>();
            List<Long> times = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("metric")) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        metric.put(name, p.getText());
                    }
                } else if (field.equals(pointsField) && pointsField.equals("value")) {
                    point(p, times, values);
                } else if (field.equals(pointsField)) {
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        point(p, times, values);
                    }
                } else {
                    p.skipChildren();
                }
            }
            out.add(new ModelText.Stream(metric, times.stream().mapToLong(Long::longValue).toArray(),
                    values.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }

    /** Reads {@code [t, "v"]}; the parser stands on its opening bracket. */
    private static void point(JsonParser p, List<Long> times, List<Double> values) throws IOException {
        p.nextToken();
        times.add(millis(p.getText()));
        p.nextToken();
        values.add(parseValue(p.getText()));
        p.nextToken();
    }

    /** A JSON seconds number to exact milliseconds, as {@code model.Time} reads it. */
    private static long millis(String seconds) {
        return new BigDecimal(seconds).movePointRight(3).setScale(0, java.math.RoundingMode.DOWN).longValueExact();
    }

    private static double parseValue(String v) {
        return switch (v) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(v);
        };
    }

    /** promtool's {@code parseTime}: float seconds or RFC 3339; returned as the seconds string sent. */
    static String parseTime(String s) {
        if (s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return GoFloats.formatF(Double.parseDouble(s));
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return seconds(t.toEpochSecond() * 1_000_000_000L + t.getNano());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot parse \"" + s + "\" to a valid timestamp");
        }
    }

    /** client_golang's {@code formatTime}: seconds with the nanoseconds as a fraction. */
    private static String seconds(long nanos) {
        return GoFloats.formatF(Math.floorDiv(nanos, 1_000_000_000L) + Math.floorMod(nanos, 1_000_000_000L) / 1e9);
    }

    /** Go's {@code time.ParseDuration} (what promtool's {@code --step} takes): {@code 1m30s}, {@code 500ms}. */
    static long goDurationNanos(String s) {
        if (s.equals("0")) {
            return 0;
        }
        Matcher m = GO_DURATION.matcher(s);
        int at = 0;
        double total = 0;
        while (at < s.length() && m.find(at) && m.start() == at) {
            double n = Double.parseDouble(m.group(1));
            total += n * switch (m.group(2)) {
                case "ns" -> 1;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            at = m.end();
        }
        if (at != s.length() || at == 0) {
            throw new IllegalArgumentException("time: invalid duration \"" + s + "\"");
        }
        return (long) total;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
