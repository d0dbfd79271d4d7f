package dev.vigil.promql.script;

import dev.vigil.model.Labels;

/** Label sets as scripts write them: {@code name{a="b"}}, or {@code {a="b"}} when there is no name. */
final class ScriptLabels {
    private ScriptLabels() {
    }

    static String format(Labels labels) {
        String name = labels.metricName();
        boolean plainName = name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*");
        StringBuilder out = new StringBuilder(plainName ? name : "");
        int shown = 0;
        for (int i = 0; i < labels.size(); i++) {
            if (plainName && labels.name(i).equals(Labels.METRIC_NAME)) {
                continue;
            }
            out.append(shown++ == 0 ? "{" : ", ").append(labels.name(i)).append('=')
                    .append(GoStrings.quote(labels.value(i)));
        }
        if (shown > 0) {
            out.append('}');
        } else if (!plainName) {
            out.append("{}");
        }
        return out.toString();
    }
}
