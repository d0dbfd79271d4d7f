package dev.vigil.alerting.rules;

import dev.vigil.model.Labels;

/**
 * What rules need from the hub: the query function, template expansion, external labels and URL,
 * and how long a resolved alert stays before it is forgotten.
 */
public record RuleContext(RuleQuery query, TemplateExpander templates, Labels externalLabels, String externalURL,
        long resendDelayMillis, long outageToleranceMillis, long forGracePeriodMillis) {
    /** Prometheus' defaults: resend every 1 m, restore `for` state across outages of up to 1 h, 10 m grace. */
    public static RuleContext of(RuleQuery query, TemplateExpander templates, Labels externalLabels,
            String externalURL) {
        return new RuleContext(query, templates, externalLabels, externalURL, 60_000, 3_600_000, 600_000);
    }
}
