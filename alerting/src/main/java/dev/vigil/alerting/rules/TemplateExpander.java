package dev.vigil.alerting.rules;

import dev.vigil.model.Labels;

/**
 * Expands a rule's label or annotation template for one sample ({@code $labels}, {@code $value},
 * {@code $externalLabels}); returns Prometheus' {@code <error expanding template: ...>} text on
 * failure rather than throwing.
 */
@FunctionalInterface
public interface TemplateExpander {
    String expand(String ruleName, String text, Labels labels, double value, long evalTime);

    /** No expansion: templates are kept as written. */
    TemplateExpander NONE = (rule, text, labels, value, t) -> text;
}
