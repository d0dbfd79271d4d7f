package dev.vigil.alerting.am.config;

import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.exporter.yaml.YamlMap;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code time_intervals} entries with Alertmanager's syntax and range checks. */
final class TimeIntervalParser {
    private static final Pattern TIME = Pattern.compile("^((\\d{2}):(\\d{2}))$");
    private static final List<String> WEEKDAYS =
            List.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday");
    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december");

    private TimeIntervalParser() {
    }

    static TimeInterval parse(YamlMap entry) throws ConfigException {
        entry.only(Set.of("name", "time_intervals"));
        String name = entry.string("name", "");
        List<TimeInterval.Period> periods = new ArrayList<>();
        for (YamlMap p : entry.maps("time_intervals")) {
            periods.add(period(p));
        }
        return new TimeInterval(name, periods);
    }

    private static TimeInterval.Period period(YamlMap p) throws ConfigException {
        p.only(Set.of("times", "weekdays", "days_of_month", "months", "years", "location"));
        List<TimeInterval.Times> times = new ArrayList<>();
        for (YamlMap t : p.maps("times")) {
            t.only(Set.of("start_time", "end_time"));
            int start = minutes(t, "start_time");
            int end = minutes(t, "end_time");
            if (start >= end) {
                throw t.error("start_time", "start time cannot be equal or greater than end time");
            }
            times.add(new TimeInterval.Times(start, end));
        }
        List<TimeInterval.Range> weekdays = ranges(p, "weekdays", WEEKDAYS, 0, 6, 0);
        List<TimeInterval.Range> days = ranges(p, "days_of_month", List.of(), -31, 31, 0);
        for (TimeInterval.Range r : days) {
            if (r.begin() == 0 || r.end() == 0) {
                throw p.error("days_of_month", "0 is not a valid day of the month");
            }
            if (r.begin() > 0 && r.end() < 0) {
                throw p.error("days_of_month", "end day must be negative if start day is negative");
            }
        }
        List<TimeInterval.Range> months = ranges(p, "months", MONTHS, 1, 12, 1);
        List<TimeInterval.Range> years = ranges(p, "years", List.of(), 0, 9999, 0);
        ZoneId zone = ZoneOffset.UTC;
        if (p.has("location")) {
            String loc = p.string("location").orElseThrow();
            try {
                zone = loc.equals("Local") ? ZoneId.systemDefault() : ZoneId.of(loc);
            } catch (DateTimeException e) {
                throw p.error("location", "unknown time zone " + loc);
            }
        }
        return new TimeInterval.Period(times, weekdays, days, months, years, zone);
    }

    private static int minutes(YamlMap t, String key) throws ConfigException {
        String raw = t.string(key, "");
        Matcher m = TIME.matcher(raw);
        if (!m.matches()) {
            throw t.error(key, "couldn't parse timestamp " + raw + ", invalid format");
        }
        int h = Integer.parseInt(m.group(2));
        int min = Integer.parseInt(m.group(3));
        if (h > 24 || min > 59 || h == 24 && min != 0) {
            throw t.error(key, "timestamp " + raw + " out of range");
        }
        return h * 60 + min;
    }

    /** {@code a:b} or {@code a}; names (by index + offset) or numbers, inside [min, max], begin <= end. */
    private static List<TimeInterval.Range> ranges(YamlMap p, String key, List<String> names, int min, int max,
                                                   int nameOffset) throws ConfigException {
        List<TimeInterval.Range> out = new ArrayList<>();
        for (String item : p.strings(key)) {
            String[] parts = item.split(":", -1);
            if (parts.length > 2) {
                throw p.error(key, "invalid range " + item + " in " + key);
            }
            int begin = value(p, key, parts[0], names, min, max, nameOffset);
            int end = parts.length == 2 ? value(p, key, parts[1], names, min, max, nameOffset) : begin;
            if (begin > end && !(begin > 0 && end < 0 && key.equals("days_of_month"))) {
                throw p.error(key, "start must be before end in " + key + " range " + item);
            }
            out.add(new TimeInterval.Range(begin, end));
        }
        return out;
    }

    private static int value(YamlMap p, String key, String raw, List<String> names, int min, int max, int offset)
            throws ConfigException {
        String lower = raw.strip().toLowerCase(Locale.ROOT);
        int index = names.indexOf(lower);
        if (index >= 0) {
            return index + offset;
        }
        try {
            int v = Integer.parseInt(lower);
            if (v < min || v > max) {
                throw p.error(key, raw + " is out of range in " + key);
            }
            return v;
        } catch (NumberFormatException e) {
            throw p.error(key, "invalid " + key + " value " + raw);
        }
    }
}
