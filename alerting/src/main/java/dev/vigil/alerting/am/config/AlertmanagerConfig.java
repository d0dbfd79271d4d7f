package dev.vigil.alerting.am.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, validated {@code alertmanager.yml}. {@code templates} are the glob patterns, resolved
 * against the config file's directory. {@code timeIntervals} holds both {@code time_intervals} and the
 * older {@code mute_time_intervals}, by name.
 */
public record AlertmanagerConfig(String file, GlobalConfig global, RouteConfig route,
                                 List<InhibitRuleConfig> inhibitRules, List<Receiver> receivers,
                                 List<String> templates, Map<String, TimeInterval> timeIntervals) {
    public Optional<Receiver> receiver(String name) {
        return receivers.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
