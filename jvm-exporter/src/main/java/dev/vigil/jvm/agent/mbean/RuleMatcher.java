package dev.vigil.jvm.agent.mbean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Runs one {@link AttributeValue} through the rules in order; the first match decides (jmx_exporter's
 * {@code Receiver.recordBean}). {@code $1}-style references in name, labels, help and value are
 * expanded by {@link Matcher#replaceAll}, as jmx_exporter does.
 */
final class RuleMatcher {
    private final List<Rule> rules;
    private final boolean lowercaseNames;
    private final boolean lowercaseLabelNames;

    RuleMatcher(List<Rule> rules, boolean lowercaseNames, boolean lowercaseLabelNames) {
        this.rules = List.copyOf(rules);
        this.lowercaseNames = lowercaseNames;
        this.lowercaseLabelNames = lowercaseLabelNames;
    }

    /**
     * The sample {@code attribute} becomes, or null when no rule matches, the matching rule's name or
     * value template comes out empty or not a number, or the value is neither a number nor a boolean.
     *
     * @param cache cached results of {@code cache: true} rules (read and filled)
     * @param seen what this scrape touched in the cache
     * @throws IllegalArgumentException or IndexOutOfBoundsException when a template names a group the
     *     pattern does not have (the caller counts it as a scrape error)
     */
    Sample apply(AttributeValue attribute, MatchCache cache, MatchCache.Seen seen) {
        Match match = Match.NONE;
        String snake = null;
        for (Rule rule : rules) {
            String attrName = attribute.attribute();
            if (rule.attrNameSnakeCase()) {
                if (snake == null) {
                    snake = Naming.snakeCase(attrName);
                }
                attrName = snake;
            }
            String matchString = attribute.matchString(attrName, rule.cache());
            if (rule.cache()) {
                Match cached = cache.get(rule, matchString);
                if (cached != null) {
                    seen.add(rule, matchString);
                    if (!cached.matched()) {
                        continue;
                    }
                    match = cached;
                    break;
                }
            }
            Matcher matcher = null;
            if (rule.pattern() != null) {
                matcher = rule.pattern().matcher(matchString);
                if (!matcher.matches()) {
                    remember(cache, seen, rule, matchString, Match.NONE);
                    continue;
                }
            }
            Double override = null;
            if (rule.value() != null && !rule.value().isEmpty()) {
                String text = matcher.replaceAll(rule.value());
                try {
                    override = Double.valueOf(text);
                } catch (NumberFormatException e) {
                    return null; // jmx_exporter drops the sample (and tries no further rule)
                }
            }
            if (rule.name() == null) {
                match = defaultExport(attribute, attrName, matchString, rule, override);
            } else {
                String name = Naming.safeName(matcher.replaceAll(rule.name()));
                if (name.isEmpty()) {
                    return null;
                }
                if (lowercaseNames) {
                    name = name.toLowerCase(Locale.ROOT);
                }
                String help = rule.help() != null ? matcher.replaceAll(rule.help()) : attribute.help();
                List<String> names = new ArrayList<>(rule.labelNames().size());
                List<String> values = new ArrayList<>(rule.labelNames().size());
                for (int i = 0; i < rule.labelNames().size(); i++) {
                    String labelName = Naming.safeName(matcher.replaceAll(rule.labelNames().get(i)));
                    String labelValue = matcher.replaceAll(rule.labelValues().get(i));
                    if (lowercaseLabelNames) {
                        labelName = labelName.toLowerCase(Locale.ROOT);
                    }
                    if (!labelName.isEmpty() && !labelValue.isEmpty()) {
                        names.add(labelName);
                        values.add(labelValue);
                    }
                }
                match = new Match(name, matchString, rule.kind(), help, names, values, override, rule.valueFactor());
            }
            remember(cache, seen, rule, matchString, match);
            break;
        }
        if (!match.matched()) {
            return null;
        }
        Object value = match.valueOverride() != null ? match.valueOverride() : attribute.value();
        if (value instanceof Number number) {
            return new Sample(match, number.doubleValue() * match.valueFactor());
        }
        if (value instanceof Boolean bool) {
            return new Sample(match, bool ? 1 : 0);
        }
        return null;
    }

    /**
     * {@code domain_firstKeyValue_path..._attribute}, the other key properties as labels (names
     * sanitized, values as written).
     */
    private Match defaultExport(AttributeValue attribute, String attrName, String matchString, Rule rule,
            Double override) {
        StringBuilder name = new StringBuilder(attribute.domain());
        Map<String, String> properties = attribute.properties();
        if (!properties.isEmpty()) {
            name.append('_').append(properties.values().iterator().next());
        }
        for (String key : attribute.path()) {
            name.append('_').append(key);
        }
        name.append('_').append(attrName);
        String fullName = Naming.safeName(name.toString());
        if (lowercaseNames) {
            fullName = fullName.toLowerCase(Locale.ROOT);
        }
        List<String> names = new ArrayList<>(Math.max(0, properties.size() - 1));
        List<String> values = new ArrayList<>(Math.max(0, properties.size() - 1));
        boolean first = true;
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (first) {
                first = false; // its value is in the name
                continue;
            }
            String labelName = Naming.safeName(e.getKey());
            names.add(lowercaseLabelNames ? labelName.toLowerCase(Locale.ROOT) : labelName);
            values.add(e.getValue());
        }
        return new Match(fullName, matchString, rule.kind(), attribute.help(), names, values, override,
                rule.valueFactor());
    }

    private static void remember(MatchCache cache, MatchCache.Seen seen, Rule rule, String matchString, Match match) {
        if (rule.cache()) {
            cache.put(rule, matchString, match);
            seen.add(rule, matchString);
        }
    }
}
