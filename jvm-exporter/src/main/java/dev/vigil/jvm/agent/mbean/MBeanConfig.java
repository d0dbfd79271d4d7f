package dev.vigil.jvm.agent.mbean;

import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.exporter.yaml.YamlMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.PatternSyntaxException;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The MBean part of a jmx_exporter config: {@code lowercaseOutputName}, {@code lowercaseOutputLabelNames},
 * {@code includeObjectNames} / {@code excludeObjectNames} (or their old names {@code whitelistObjectNames}
 * / {@code blacklistObjectNames}) and {@code rules}. Without {@code rules} one rule matching everything
 * exports every attribute by its default name, as jmx_exporter does.
 *
 * @param includes ObjectName patterns to read (empty: every bean)
 * @param excludes ObjectName patterns left out
 * @param rules the rules in order (never empty unless the config says {@code rules: []})
 */
public record MBeanConfig(boolean lowercaseOutputName, boolean lowercaseOutputLabelNames, List<ObjectName> includes,
        List<ObjectName> excludes, List<Rule> rules) {

    /** The top-level keys read here; any of them turns the MBean export on. */
    public static final Set<String> KEYS = Set.of("lowercaseOutputName", "lowercaseOutputLabelNames",
            "includeObjectNames", "excludeObjectNames", "whitelistObjectNames", "blacklistObjectNames", "rules");

    /** jmx_exporter keys the Vigil agent does not take: a config naming one is refused, not half-read. */
    public static final Set<String> UNSUPPORTED = Set.of("hostPort", "jmxUrl", "username", "password", "ssl",
            "excludeObjectNameAttributes", "autoExcludeObjectNameAttributes", "metricCustomizers", "httpServer",
            "openTelemetry", "inferCounterTypeFromName", "excludeJvmMetrics");

    private static final Set<String> RULE_KEYS = Set.of("pattern", "name", "value", "valueFactor", "help", "labels",
            "type", "attrNameSnakeCase", "cache");

    /** Reads the MBean keys of a config already checked for unknown keys; empty if it has none of them. */
    public static Optional<MBeanConfig> from(YamlMap yaml) throws ConfigException {
        for (String key : yaml.keys()) {
            if (UNSUPPORTED.contains(key)) {
                throw yaml.error(key, "\"" + key + "\" is a jmx_exporter key not supported by the Vigil agent"
                        + " (it reads the JVM it runs in; its listener is configured by webConfigFile)");
            }
        }
        if (yaml.keys().stream().noneMatch(KEYS::contains)) {
            return Optional.empty();
        }
        List<ObjectName> includes = objectNames(yaml, "includeObjectNames", "whitelistObjectNames");
        List<ObjectName> excludes = objectNames(yaml, "excludeObjectNames", "blacklistObjectNames");
        List<Rule> rules = new ArrayList<>();
        if (yaml.has("rules")) {
            for (YamlMap rule : yaml.maps("rules")) {
                rules.add(rule(rule));
            }
        } else {
            rules.add(Rule.matchAll());
        }
        return Optional.of(new MBeanConfig(yaml.bool("lowercaseOutputName").orElse(false),
                yaml.bool("lowercaseOutputLabelNames").orElse(false), includes, excludes, rules));
    }

    private static List<ObjectName> objectNames(YamlMap yaml, String key, String oldKey) throws ConfigException {
        if (yaml.has(key) && yaml.has(oldKey)) {
            throw yaml.error(oldKey, "\"" + oldKey + "\" is the old name of \"" + key + "\": set only one of them");
        }
        String used = yaml.has(key) ? key : oldKey;
        List<ObjectName> out = new ArrayList<>();
        for (String name : yaml.strings(used)) {
            try {
                out.add(new ObjectName(name));
            } catch (MalformedObjectNameException e) {
                throw yaml.error(used, "\"" + name + "\" is not an ObjectName pattern: " + e.getMessage());
            }
        }
        return out;
    }

    private static Rule rule(YamlMap yaml) throws ConfigException {
        yaml.only(RULE_KEYS);
        java.util.regex.Pattern pattern = null;
        Optional<String> source = yaml.string("pattern");
        if (source.isPresent()) {
            try {
                pattern = Rule.compile(source.get());
            } catch (PatternSyntaxException e) {
                throw yaml.error("pattern", "invalid pattern: " + e.getDescription() + " near index " + e.getIndex()
                        + " of \"" + source.get() + "\"");
            }
        }
        String name = yaml.string("name").orElse(null);
        String value = yaml.string("value").orElse(null);
        double factor = 1.0;
        Optional<String> factorText = yaml.string("valueFactor");
        if (factorText.isPresent()) {
            try {
                factor = Double.parseDouble(factorText.get());
            } catch (NumberFormatException e) {
                throw yaml.error("valueFactor", "\"" + factorText.get() + "\" is not a number for key \"valueFactor\"");
            }
        }
        String help = yaml.string("help").orElse(null);
        MetricKind kind = MetricKind.UNKNOWN;
        Optional<String> type = yaml.string("type");
        if (type.isPresent()) {
            kind = MetricKind.parse(type.get());
            if (kind == null) {
                throw yaml.error("type", "type \"" + type.get() + "\" is not one of GAUGE, COUNTER, UNTYPED");
            }
        }
        List<String> labelNames = new ArrayList<>();
        List<String> labelValues = new ArrayList<>();
        boolean hasLabels = yaml.has("labels");
        if (hasLabels) {
            // Sorted by name, as jmx_exporter keeps them (a TreeMap).
            for (Map.Entry<String, String> label : new TreeMap<>(yaml.stringMap("labels")).entrySet()) {
                labelNames.add(label.getKey());
                labelValues.add(label.getValue());
            }
        }
        if ((hasLabels || help != null) && name == null) {
            throw yaml.error(hasLabels ? "labels" : "help", "a rule with help or labels needs a name");
        }
        if ((name != null || value != null) && pattern == null) {
            throw yaml.error(name != null ? "name" : "value", "a rule with a name or value needs a pattern");
        }
        return new Rule(pattern, name, value, factor, help, labelNames, labelValues, kind,
                yaml.bool("attrNameSnakeCase").orElse(false), yaml.bool("cache").orElse(false));
    }
}
