package dev.vigil.promql.engine;

import dev.vigil.model.GoRegexp;
import dev.vigil.model.Labels;
import dev.vigil.model.MetricNames;
import dev.vigil.storage.index.Matcher;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code label_replace} and {@code label_join}. Each input label set's result is remembered for
 * the query, as the same series comes back at every step.
 */
final class LabelFunctions {
    private LabelFunctions() {
    }

    static Evaluator.StepCall labelReplace(String dst, String replacement, String src, String regex) {
        Pattern pattern;
        try {
            pattern = Pattern.compile("^(?:" + Matcher.re2ToJava(regex) + ")$", Pattern.UNIX_LINES);
        } catch (PatternSyntaxException e) {
            throw QueryException.execution("invalid regular expression in label_replace(): " + regex);
        }
        if (!MetricNames.isValidLabelName(dst)) {
            throw QueryException.execution("invalid destination label name in label_replace(): " + dst);
        }
        Map<Labels, Labels> done = new HashMap<>();
        return (args, h, ts, out) -> {
            StepVector in = args[0];
            for (int i = 0; i < in.size; i++) {
                Labels metric = in.metric[i];
                Labels result = done.get(metric);
                if (result == null) {
                    java.util.regex.Matcher m = pattern.matcher(metric.get(src));
                    if (!m.matches()) {
                        result = metric;
                    } else {
                        String value = GoRegexp.expand(replacement, m);
                        result = metric.toBuilder().set(dst, value).build();
                    }
                    done.put(metric, result);
                }
                out.add(result, in.v[i]);
            }
        };
    }

    static Evaluator.StepCall labelJoin(String dst, String separator, String[] sources) {
        for (String src : sources) {
            if (!MetricNames.isValidLabelName(src)) {
                throw QueryException.execution("invalid source label name in label_join(): " + src);
            }
        }
        if (!MetricNames.isValidLabelName(dst)) {
            throw QueryException.execution("invalid destination label name in label_join(): " + dst);
        }
        Map<Labels, Labels> done = new HashMap<>();
        return (args, h, ts, out) -> {
            StepVector in = args[0];
            for (int i = 0; i < in.size; i++) {
                Labels metric = in.metric[i];
                Labels result = done.get(metric);
                if (result == null) {
                    StringBuilder joined = new StringBuilder();
                    for (int j = 0; j < sources.length; j++) {
                        if (j > 0) {
                            joined.append(separator);
                        }
                        joined.append(metric.get(sources[j]));
                    }
                    result = metric.toBuilder().set(dst, joined.toString()).build();
                    done.put(metric, result);
                }
                out.add(result, in.v[i]);
            }
        };
    }
}
