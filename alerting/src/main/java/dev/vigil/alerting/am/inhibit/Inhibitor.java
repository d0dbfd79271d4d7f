package dev.vigil.alerting.am.inhibit;

import dev.vigil.alerting.am.config.InhibitRuleConfig;
import dev.vigil.model.Labels;
import java.util.List;
import java.util.Optional;

/** Answers "is this alert inhibited, and by which alert" for a config's inhibit rules. */
public final class Inhibitor {
    private final List<InhibitRuleConfig> rules;

    public Inhibitor(List<InhibitRuleConfig> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * The first firing alert that inhibits {@code target}, rule by rule in file order, or empty.
     * {@code firing} must hold only unresolved alerts (Alertmanager skips resolved ones).
     */
    public Optional<Labels> inhibitedBy(Labels target, Iterable<Labels> firing) {
        for (InhibitRuleConfig rule : rules) {
            if (!rule.targetMatchers().matches(target)) {
                continue;
            }
            boolean targetIsAlsoSource = rule.sourceMatchers().matches(target);
            for (Labels source : firing) {
                if (!rule.sourceMatchers().matches(source) || !equalOn(rule.equal(), source, target)) {
                    continue;
                }
                // An alert on both sides may not be muted by another alert on both sides.
                if (targetIsAlsoSource && rule.targetMatchers().matches(source)) {
                    continue;
                }
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }

    public boolean mutes(Labels target, Iterable<Labels> firing) {
        return inhibitedBy(target, firing).isPresent();
    }

    private static boolean equalOn(List<String> names, Labels a, Labels b) {
        for (String n : names) {
            if (!a.get(n).equals(b.get(n))) {
                return false;
            }
        }
        return true;
    }
}
