package dev.vigil.alerting.rules;

import dev.vigil.model.Labels;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.value.Sample;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code record: name}: the expression's samples renamed, with the rule's labels set. */
public final class RecordingRule extends Rule {
    private final Map<String, String> labels;

    RecordingRule(String name, Expr expr, Map<String, String> labels) {
        super(name, expr);
        this.labels = labels;
    }

    public Map<String, String> labels() {
        return labels;
    }

    @Override
    List<Sample> eval(long ts, RuleContext ctx, long limit) {
        List<Sample> out = new ArrayList<>();
        Set<Labels> seen = new HashSet<>();
        for (Sample s : ctx.query().query(expr(), ts)) {
            Labels.Builder b = s.metric().toBuilder().set(Labels.METRIC_NAME, name());
            labels.forEach(b::set);
            Labels l = b.build();
            if (!seen.add(l)) {
                throw new RuleException("vector contains metrics with the same labelset after applying rule labels");
            }
            out.add(new Sample(l, ts, s.v()));
        }
        if (limit > 0 && out.size() > limit) {
            throw new RuleException("exceeded limit of " + limit + " with " + out.size() + " series");
        }
        return out;
    }
}
