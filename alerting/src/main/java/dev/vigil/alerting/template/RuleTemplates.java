package dev.vigil.alerting.template;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Expands an alerting rule's label or annotation template as Prometheus 2.42 does
 * (rules/alerting.go): the defs below are prepended, so error columns on line 1 count them;
 * the template is named {@code __alert_<rule name>}; a failure becomes the text
 * {@code <error expanding template: ...>}.
 */
public final class RuleTemplates {
    static final String DEFS =
            "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}";

    private RuleTemplates() {
    }

    /** The data Prometheus gives: {@code .Labels}, {@code .ExternalLabels}, {@code .ExternalURL}, {@code .Value}. */
    static Map<String, Object> data(Map<String, String> labels, double value, Map<String, String> externalLabels,
            String externalURL) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("Labels", labels);
        d.put("ExternalLabels", externalLabels);
        d.put("ExternalURL", externalURL == null ? "" : externalURL);
        d.put("Value", value);
        return d;
    }

    /**
     * rulefmt's load-time check: the parse error of a rule's label or annotation template (as
     * {@code template: __alert_<rule>:<line>: ...}), or null when it parses.
     */
    public static String parseError(String ruleName, String text) {
        String name = "__alert_" + ruleName;
        try {
            Template.text(PrometheusFunctions.create(QueryFunction.NONE, ""), true).parse(name, DEFS + text);
            return null;
        } catch (TemplateException e) {
            return e.getMessage();
        }
    }

    public static String expand(String text, Map<String, String> labels, double value,
            Map<String, String> externalLabels, String externalURL, QueryFunction query) {
        return expand("", text, labels, value, externalLabels, externalURL, query);
    }

    /** As above, naming the template after the rule as Prometheus does. */
    public static String expand(String ruleName, String text, Map<String, String> labels, double value,
            Map<String, String> externalLabels, String externalURL, QueryFunction query) {
        String name = "__alert_" + ruleName;
        try {
            Template t = Template.text(PrometheusFunctions.create(query == null ? QueryFunction.NONE : query,
                    externalURL), true);
            return t.parse(name, DEFS + text).execute(name, data(labels, value, externalLabels, externalURL));
        } catch (TemplateException e) {
            String what = e.getMessage().contains(": executing ") ? "executing" : "parsing";
            return "<error expanding template: error " + what + " template " + name + ": " + e.getMessage() + ">";
        }
    }
}
