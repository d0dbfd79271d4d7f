package dev.vigil.hub.web;

import dev.vigil.model.PromDuration;
import dev.vigil.promql.parser.ParseException;
import dev.vigil.promql.parser.Parser;
import dev.vigil.storage.index.Matcher;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Prometheus 2.42's parameter rules: times, durations and {@code match[]} selectors. */
final class ApiParams {
    /** Prometheus' {@code minTime}/{@code maxTime} in milliseconds: the defaults of open ranges. */
    static final long MIN_TIME = (Long.MIN_VALUE / 1000 + 62135596801L) * 1000;
    static final long MAX_TIME = (Long.MAX_VALUE / 1000 - 62135596801L) * 1000 + 999;
    private static final String MIN_TIME_TEXT = "-292273086-05-16T16:47:06Z";
    private static final String MAX_TIME_TEXT = "292277026596-12-04T15:30:07.999999999Z";
    /** What Go's ParseFloat takes in practice here: decimal numbers, optionally with an exponent. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private ApiParams() {
    }

    /** A time parameter, or {@code defaultMillis} when absent. */
    static long time(ApiRequest req, String name, long defaultMillis) {
        String value = req.value(name);
        if (value.isEmpty()) {
            return defaultMillis;
        }
        try {
            return parseTime(value);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidParam(name, "Invalid time value for '" + name + "': " + e.getMessage());
        }
    }

    /**
     * Unix seconds with decimals (rounded to the millisecond, as Prometheus rounds) or RFC 3339.
     *
     * @throws IllegalArgumentException {@code cannot parse "x" to a valid timestamp}
     */
    static long parseTime(String s) {
        if (NUMBER.matcher(s).matches()) {
            // Go: s, ns := math.Modf(t); ns = math.Round(ns*1000)/1000; time.Unix(s, ns*1e9)
            double t = Double.parseDouble(s);
            double whole = t < 0 ? Math.ceil(t) : Math.floor(t);
            double frac = t - whole;
            frac = Math.signum(frac) * Math.floor(Math.abs(frac * 1000) + 0.5) / 1000;
            if (Math.abs(whole) > 9.2e15) {
                throw new IllegalArgumentException("cannot parse \"" + s + "\" to a valid timestamp");
            }
            long nanos = (long) (frac * 1e9);
            return (long) whole * 1000 + Math.floorDiv(nanos, 1_000_000L);
        }
        if (s.equals(MIN_TIME_TEXT)) {
            return MIN_TIME;
        }
        if (s.equals(MAX_TIME_TEXT)) {
            return MAX_TIME;
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return t.toEpochSecond() * 1000 + t.getNano() / 1_000_000;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cannot parse \"" + s + "\" to a valid timestamp");
        }
    }

    /**
     * A duration in nanoseconds: float seconds or a Prometheus duration ({@code 1m30s}).
     *
     * @throws IllegalArgumentException {@code cannot parse "x" to a valid duration}
     */
    static long parseDurationNanos(String s) {
        if (NUMBER.matcher(s).matches()) {
            double ns = Double.parseDouble(s) * 1e9;
            if (ns > Long.MAX_VALUE || ns < Long.MIN_VALUE) {
                throw new IllegalArgumentException("cannot parse \"" + s + "\" to a valid duration. It overflows int64");
            }
            return (long) ns;
        }
        try {
            return PromDuration.parse(s).toNanos();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("cannot parse \"" + s + "\" to a valid duration");
        }
    }

    /** A duration parameter in nanoseconds. */
    static long duration(ApiRequest req, String name) {
        try {
            return parseDurationNanos(req.value(name));
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidParam(name, e.getMessage());
        }
    }

    /**
     * The {@code match[]} selectors, each a list of matchers; each must hold a matcher that does not
     * match the empty string ({@code match[] must contain at least one non-empty matcher}).
     *
     * @throws ParseException for a selector that does not parse
     */
    static List<List<Matcher>> matcherSets(List<String> selectors) throws ParseException {
        List<List<Matcher>> sets = new ArrayList<>(selectors.size());
        for (String s : selectors) {
            sets.add(Parser.parseMetricSelector(s));
        }
        for (List<Matcher> set : sets) {
            if (set.stream().noneMatch(m -> !m.matches(""))) {
                throw new IllegalArgumentException("match[] must contain at least one non-empty matcher");
            }
        }
        return sets;
    }
}
