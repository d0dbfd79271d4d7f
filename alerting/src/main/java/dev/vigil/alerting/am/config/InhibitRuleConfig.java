package dev.vigil.alerting.am.config;

import dev.vigil.alerting.am.labels.Matchers;
import java.util.List;

/** An inhibit rule; legacy {@code source_match(_re)} and new {@code source_matchers} are merged. */
public record InhibitRuleConfig(Matchers sourceMatchers, Matchers targetMatchers, List<String> equal) {
    public InhibitRuleConfig {
        equal = List.copyOf(equal);
    }
}
