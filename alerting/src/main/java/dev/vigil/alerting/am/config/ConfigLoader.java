package dev.vigil.alerting.am.config;

import dev.vigil.alerting.am.labels.Matchers;
import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.exporter.yaml.YamlFiles;
import dev.vigil.exporter.yaml.YamlMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads {@code alertmanager.yml}. Checks run in Alertmanager 0.25's order (receivers, root route,
 * time intervals, receiver and interval references), so the first error reported is the one
 * {@code amtool check-config} reports, with the same reason text.
 */
public final class ConfigLoader {
    private static final Set<String> TOP = Set.of("global", "route", "inhibit_rules", "receivers", "templates",
            "mute_time_intervals", "time_intervals");
    /** Global keys for integrations Vigil lacks: accepted (amtool accepts them) and ignored. */
    private static final Set<String> GLOBAL_IGNORED = Set.of("slack_api_url", "slack_api_url_file",
            "pagerduty_url", "opsgenie_api_url", "opsgenie_api_key", "opsgenie_api_key_file", "wechat_api_url",
            "wechat_api_secret", "wechat_api_corp_id", "victorops_api_url", "victorops_api_key",
            "victorops_api_key_file", "telegram_api_url", "webex_api_url");

    private ConfigLoader() {
    }

    public static AlertmanagerConfig load(Path file) throws ConfigException {
        Optional<YamlMap> root = YamlFiles.read(file);
        Path dir = file.toAbsolutePath().getParent();
        return build(file.toString(), root, dir);
    }

    /** Parses text; relative paths resolve against {@code baseDir} (may be null to keep them as written). */
    public static AlertmanagerConfig parse(String name, String text, Path baseDir) throws ConfigException {
        return build(name, YamlFiles.parse(name, text), baseDir);
    }

    private static AlertmanagerConfig build(String name, Optional<YamlMap> maybeRoot, Path dir)
            throws ConfigException {
        if (maybeRoot.isEmpty()) {
            throw new ConfigException(name, 0, "no routes provided");
        }
        YamlMap root = maybeRoot.get().only(TOP);
        GlobalConfig global = root.map("global").isPresent() ? global(root.map("global").get(), dir)
                : GlobalConfig.DEFAULT;
        List<Receiver> receivers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlMap r : root.maps("receivers")) {
            Receiver receiver = ReceiverParser.parse(r, global, dir);
            if (!names.add(receiver.name())) {
                throw r.error("name", "notification config name \"" + receiver.name() + "\" is not unique");
            }
            receivers.add(receiver);
        }
        if (!root.has("route")) {
            throw root.error("route", "no routes provided");
        }
        YamlMap routeMap = root.map("route").orElseThrow();
        RouteConfig route = RouteParser.parse(routeMap);
        if (route.receiver().isEmpty()) {
            throw routeMap.error("receiver", "root route must specify a default receiver");
        }
        if (!route.match().isEmpty() || !route.matchRe().isEmpty() || !route.matchers().isEmpty()) {
            throw routeMap.error("matchers", "root route must not have any matchers");
        }
        if (!route.muteTimeIntervals().isEmpty()) {
            throw routeMap.error("mute_time_intervals", "root route must not have any mute time intervals");
        }
        if (!route.activeTimeIntervals().isEmpty()) {
            throw routeMap.error("active_time_intervals", "root route must not have any active time intervals");
        }
        Map<String, TimeInterval> intervals = new LinkedHashMap<>();
        intervals(root, "mute_time_intervals", "mute time interval", intervals);
        intervals(root, "time_intervals", "time interval", intervals);
        checkRoute(root.file(), route, names, intervals.keySet());
        List<InhibitRuleConfig> inhibits = new ArrayList<>();
        for (YamlMap r : root.maps("inhibit_rules")) {
            inhibits.add(inhibitRule(r));
        }
        List<String> templates = new ArrayList<>();
        for (String t : root.strings("templates")) {
            templates.add(HttpConfigParser.resolve(dir, t));
        }
        return new AlertmanagerConfig(name, global, route, List.copyOf(inhibits), List.copyOf(receivers),
                List.copyOf(templates), Map.copyOf(intervals));
    }

    private static void intervals(YamlMap root, String key, String what, Map<String, TimeInterval> out)
            throws ConfigException {
        for (YamlMap m : root.maps(key)) {
            TimeInterval ti = TimeIntervalParser.parse(m);
            if (ti.name().isEmpty()) {
                throw m.error("name", "missing name in " + what);
            }
            if (out.putIfAbsent(ti.name(), ti) != null) {
                throw m.error("name", what + " \"" + ti.name() + "\" is not unique");
            }
        }
    }

    /** Every receiver and time interval a route names must exist (depth first, as Alertmanager checks). */
    private static void checkRoute(String file, RouteConfig r, Set<String> receivers, Set<String> intervals)
            throws ConfigException {
        if (!r.receiver().isEmpty() && !receivers.contains(r.receiver())) {
            throw new ConfigException(file, r.line(), "undefined receiver \"" + r.receiver() + "\" used in route");
        }
        for (RouteConfig child : r.routes()) {
            checkRoute(file, child, receivers, null);
        }
        if (intervals != null) {
            checkIntervals(file, r, intervals); // after all receivers, as Alertmanager checks them second
        }
    }

    private static void checkIntervals(String file, RouteConfig r, Set<String> intervals) throws ConfigException {
        for (List<String> list : List.of(r.muteTimeIntervals(), r.activeTimeIntervals())) {
            for (String name : list) {
                if (!intervals.contains(name)) {
                    throw new ConfigException(file, r.line(), "undefined time interval \"" + name + "\" used in route");
                }
            }
        }
        for (RouteConfig child : r.routes()) {
            checkIntervals(file, child, intervals);
        }
    }

    private static InhibitRuleConfig inhibitRule(YamlMap m) throws ConfigException {
        m.only(Set.of("source_match", "source_match_re", "source_matchers", "target_match", "target_match_re",
                "target_matchers", "equal"));
        Matchers source;
        Matchers target;
        try {
            source = Matchers.ofMatch(RouteParser.labelMap(m, "source_match"))
                    .plus(Matchers.ofMatchRe(RouteParser.labelMap(m, "source_match_re")));
            target = Matchers.ofMatch(RouteParser.labelMap(m, "target_match"))
                    .plus(Matchers.ofMatchRe(RouteParser.labelMap(m, "target_match_re")));
        } catch (dev.vigil.alerting.am.labels.MatcherException e) {
            throw m.error("source_match_re", e.getMessage());
        }
        source = source.plus(RouteParser.matchers(m, "source_matchers"));
        target = target.plus(RouteParser.matchers(m, "target_matchers"));
        List<String> equal = m.strings("equal");
        for (String l : equal) {
            if (!Matchers.isValidLabelName(l)) {
                throw m.error("equal", "\"" + l + "\" is not a valid label name");
            }
        }
        return new InhibitRuleConfig(source, target, equal);
    }

    private static GlobalConfig global(YamlMap g, Path dir) throws ConfigException {
        Set<String> known = new HashSet<>(GLOBAL_IGNORED);
        known.addAll(Set.of("resolve_timeout", "smtp_from", "smtp_hello", "smtp_smarthost", "smtp_auth_username",
                "smtp_auth_password", "smtp_auth_password_file", "smtp_auth_identity", "smtp_auth_secret",
                "smtp_require_tls", "http_config"));
        g.only(known);
        GlobalConfig d = GlobalConfig.DEFAULT;
        String smarthost = g.string("smtp_smarthost", "");
        ReceiverParser.checkHostPort(g, "smtp_smarthost", smarthost);
        Secret password = Secret.of(g.string("smtp_auth_password", ""));
        String passwordFile = HttpConfigParser.resolve(dir, g.string("smtp_auth_password_file", ""));
        if (!password.isEmpty() && !passwordFile.isEmpty()) {
            throw g.error("smtp_auth_password_file",
                    "at most one of smtp_auth_password & smtp_auth_password_file must be configured");
        }
        var resolve = RouteParser.duration(g, "resolve_timeout");
        return new GlobalConfig(resolve == null ? d.resolveTimeout() : resolve, g.string("smtp_from", ""),
                g.string("smtp_hello", d.smtpHello()), smarthost, g.string("smtp_auth_username", ""), password,
                passwordFile, g.string("smtp_auth_identity", ""), Secret.of(g.string("smtp_auth_secret", "")),
                g.bool("smtp_require_tls").orElse(true),
                g.map("http_config").isPresent() ? HttpConfigParser.http(g.map("http_config").get(), dir)
                        : HttpClientConfig.DEFAULT);
    }
}
