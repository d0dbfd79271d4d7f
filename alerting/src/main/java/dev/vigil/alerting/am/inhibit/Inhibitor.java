package dev.vigil.alerting.am.inhibit;

import dev.vigil.alerting.am.config.InhibitRuleConfig;
import dev.vigil.model.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Answers "is this alert inhibited, and by which alert" for a config's inhibit rules. */
public final class Inhibitor {
    private final List<InhibitRuleConfig> rules;

    public Inhibitor(List<InhibitRuleConfig> rules) {
        this.rules = List.copyOf(rules);
    }

    public boolean hasRules() {
        return !rules.isEmpty();
    }

    /**
     * The first firing alert that inhibits {@code target}, rule by rule in file order, or empty.
     * {@code firing} must hold only unresolved alerts (Alertmanager skips resolved ones).
     */
    public Optional<Labels> inhibitedBy(Labels target, Iterable<Labels> firing) {
        return index(firing).inhibitedBy(target);
    }

    public boolean mutes(Labels target, Iterable<Labels> firing) {
        return inhibitedBy(target, firing).isPresent();
    }

    /**
     * The firing alerts indexed per rule by their values of the rule's {@code equal} labels, so
     * each check looks only at the sources that could inhibit (Alertmanager's source cache).
     */
    public Index index(Iterable<Labels> firing) {
        List<Map<List<String>, List<Labels>>> perRule = new ArrayList<>(rules.size());
        for (InhibitRuleConfig rule : rules) {
            Map<List<String>, List<Labels>> byEqual = new HashMap<>();
            for (Labels source : firing) {
                if (rule.sourceMatchers().matches(source)) {
                    byEqual.computeIfAbsent(equalValues(rule.equal(), source), k -> new ArrayList<>()).add(source);
                }
            }
            perRule.add(byEqual);
        }
        return new Index(perRule);
    }

    private static List<String> equalValues(List<String> names, Labels l) {
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(l.get(n)); // an absent label reads as "", so it equals an absent one
        }
        return out;
    }

    /** Firing alerts indexed for one set of checks; see {@link #index}. */
    public final class Index {
        private final List<Map<List<String>, List<Labels>>> perRule;

        private Index(List<Map<List<String>, List<Labels>>> perRule) {
            this.perRule = perRule;
        }

        public Optional<Labels> inhibitedBy(Labels target) {
            for (int i = 0; i < rules.size(); i++) {
                InhibitRuleConfig rule = rules.get(i);
                if (!rule.targetMatchers().matches(target)) {
                    continue;
                }
                List<Labels> sources = perRule.get(i).get(equalValues(rule.equal(), target));
                if (sources == null) {
                    continue;
                }
                boolean targetIsAlsoSource = rule.sourceMatchers().matches(target);
                for (Labels source : sources) {
                    // An alert on both sides may not be muted by another alert on both sides.
                    if (targetIsAlsoSource && rule.targetMatchers().matches(source)) {
                        continue;
                    }
                    return Optional.of(source);
                }
            }
            return Optional.empty();
        }
    }
}
