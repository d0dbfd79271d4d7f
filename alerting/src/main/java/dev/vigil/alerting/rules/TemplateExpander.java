package dev.vigil.alerting.rules;

import dev.vigil.alerting.template.QueryFunction;
import dev.vigil.alerting.template.RuleTemplates;
import dev.vigil.model.Labels;
import dev.vigil.promql.parser.ParseException;
import dev.vigil.promql.parser.Parser;
import dev.vigil.promql.value.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands a rule's label or annotation template for one sample ({@code $labels}, {@code $value},
 * {@code $externalLabels}, {@code $externalURL}); returns Prometheus' {@code <error expanding template: ...>}
 * text on failure rather than throwing.
 */
@FunctionalInterface
public interface TemplateExpander {
    String expand(RuleContext ctx, String ruleName, String text, Labels labels, double value, long evalTime);

    /** No expansion: templates are kept as written. */
    TemplateExpander NONE = (ctx, rule, text, labels, value, t) -> text;

    /**
     * Prometheus 2.42's expansion: Go templates with its functions; {@code query} runs an instant
     * query at the evaluation time through the rule's engine.
     */
    TemplateExpander PROMETHEUS = (ctx, rule, text, labels, value, t) -> {
        if (!text.contains("{{")) {
            return text; // nothing to expand; skips building a template per sample
        }
        QueryFunction query = expr -> {
            List<QueryFunction.Sample> out = new ArrayList<>();
            try {
                for (Sample s : ctx.query().query(Parser.parseExpr(expr), t)) {
                    out.add(new QueryFunction.Sample(s.metric().toMap(), s.v()));
                }
            } catch (ParseException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            return out;
        };
        return RuleTemplates.expand(rule, text, labels.toMap(), value, ctx.externalLabels().toMap(),
                ctx.externalURL(), query);
    };
}
