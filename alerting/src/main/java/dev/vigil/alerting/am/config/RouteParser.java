package dev.vigil.alerting.am.config;

import dev.vigil.alerting.am.labels.MatcherException;
import dev.vigil.alerting.am.labels.MatcherParser;
import dev.vigil.alerting.am.labels.Matchers;
import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.exporter.yaml.YamlMap;
import dev.vigil.model.PromDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a route (and its children) and the matcher fields shared with inhibit rules. */
final class RouteParser {
    private static final Set<String> KEYS = Set.of("receiver", "group_by", "continue", "matchers", "match",
            "match_re", "group_wait", "group_interval", "repeat_interval", "mute_time_intervals",
            "active_time_intervals", "routes");

    private RouteParser() {
    }

    static RouteConfig parse(YamlMap m) throws ConfigException {
        m.only(KEYS);
        List<String> groupBy = null;
        boolean groupByAll = false;
        if (m.has("group_by")) {
            groupBy = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String l : m.strings("group_by")) {
                if (l.equals("...")) {
                    groupByAll = true;
                    continue;
                }
                if (!Matchers.isValidLabelName(l)) {
                    throw m.error("group_by", "invalid label name \"" + l + "\" in group_by list");
                }
                groupBy.add(l);
            }
            if (groupByAll && !groupBy.isEmpty()) {
                throw m.error("group_by",
                        "cannot have wildcard group_by (`...`) and other other labels at the same time");
            }
            for (String l : groupBy) {
                if (!seen.add(l)) {
                    throw m.error("group_by", "duplicated label \"" + l + "\" in group_by");
                }
            }
            // Go leaves GroupBy nil unless a label was named ("..." or []), and nil means "inherit".
            if (groupBy.isEmpty()) {
                groupBy = null;
            }
        }
        Matchers match = Matchers.ofMatch(labelMap(m, "match"));
        Matchers matchRe;
        try {
            matchRe = Matchers.ofMatchRe(labelMap(m, "match_re"));
        } catch (MatcherException e) {
            throw m.error("match_re", e.getMessage());
        }
        Matchers matchers = matchers(m, "matchers");
        Duration groupInterval = duration(m, "group_interval");
        if (groupInterval != null && groupInterval.isZero()) {
            throw m.error("group_interval", "group_interval cannot be zero");
        }
        Duration repeatInterval = duration(m, "repeat_interval");
        if (repeatInterval != null && repeatInterval.isZero()) {
            throw m.error("repeat_interval", "repeat_interval cannot be zero");
        }
        List<RouteConfig> children = new ArrayList<>();
        for (YamlMap child : m.maps("routes")) {
            children.add(parse(child));
        }
        return new RouteConfig(m.string("receiver", ""), groupBy == null ? null : List.copyOf(groupBy), groupByAll,
                match, matchRe, matchers, m.bool("continue").orElse(false), duration(m, "group_wait"),
                groupInterval, repeatInterval, List.copyOf(m.strings("mute_time_intervals")),
                List.copyOf(m.strings("active_time_intervals")), List.copyOf(children), m.line());
    }

    /** A legacy {@code match}/{@code match_re} map; its keys must be label names. */
    static Map<String, String> labelMap(YamlMap m, String key) throws ConfigException {
        Map<String, String> map = m.stringMap(key);
        for (String name : map.keySet()) {
            if (!Matchers.isValidLabelName(name)) {
                throw m.error(key, "invalid label name \"" + name + "\"");
            }
        }
        return map;
    }

    /** A new-style matcher list: each string may hold several comma-separated matchers. */
    static Matchers matchers(YamlMap m, String key) throws ConfigException {
        Matchers out = Matchers.NONE;
        for (String line : m.strings(key)) {
            try {
                out = out.plus(MatcherParser.parseMatchers(line));
            } catch (MatcherException e) {
                throw m.error(key, e.getMessage());
            }
        }
        return out.sorted();
    }

    static Duration duration(YamlMap m, String key) throws ConfigException {
        if (!m.has(key)) {
            return null;
        }
        try {
            return PromDuration.parse(m.string(key).orElseThrow());
        } catch (IllegalArgumentException e) {
            throw m.error(key, e.getMessage());
        }
    }
}
