package dev.vigil.promql.engine;

import dev.vigil.model.Labels;
import dev.vigil.promql.ast.BinaryOp;
import dev.vigil.promql.ast.VectorMatching;
import dev.vigil.promql.ast.VectorMatching.Cardinality;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * An arithmetic or comparison operator between two instant vectors, Prometheus 2.42's
 * {@code VectorBinop}: the "one" side is indexed by signature; each sample of the "many" side
 * finds its match; duplicates on the one side, or results that are not unique, are errors worded
 * as Prometheus words them.
 */
final class VectorBinop {
    private final BinaryOp op;
    private final VectorMatching matching;
    private final boolean returnBool;
    /** Result labels per (left labels, right labels) pair: series repeat at every step. */
    private final Map<Pair, Labels> resultMetrics = new HashMap<>();

    private record Pair(Labels left, Labels right) {
    }

    VectorBinop(BinaryOp op, VectorMatching matching, boolean returnBool) {
        this.op = op;
        this.matching = matching;
        this.returnBool = returnBool;
    }

    void call(StepVector[] args, Object[][] h, long ts, StepVector out) {
        StepVector lhs = args[0];
        StepVector rhs = args[1];
        if (lhs.size == 0 || rhs.size == 0) {
            return;
        }
        Object[] lh = h[0];
        Object[] rh = h[1];
        boolean oneToMany = matching.card() == Cardinality.ONE_TO_MANY;
        if (oneToMany) {
            StepVector t = lhs;
            lhs = rhs;
            rhs = t;
            Object[] th = lh;
            lh = rh;
            rh = th;
        }
        Map<Object, Integer> rightSigs = new HashMap<>(rhs.size * 2);
        for (int i = 0; i < rhs.size; i++) {
            Object sig = rh[rhs.series[i]];
            Integer dupl = rightSigs.put(sig, i);
            if (dupl != null) {
                String oneSide = oneToMany ? "left" : "right";
                throw QueryException.execution("found duplicate series for the match group " + sig
                        + " on the " + oneSide + " hand-side of the operation: [" + rhs.metric[i] + ", "
                        + rhs.metric[dupl] + "];many-to-many matching not allowed: matching labels must be unique on one side");
            }
        }
        Map<Object, Set<Labels>> matched = new HashMap<>();
        for (int i = 0; i < lhs.size; i++) {
            Object sig = lh[lhs.series[i]];
            Integer r = rightSigs.get(sig);
            if (r == null) {
                continue;
            }
            double vl = lhs.v[i];
            double vr = rhs.v[r];
            if (oneToMany) {
                double t = vl;
                vl = vr;
                vr = t;
            }
            double value = BinaryOps.elemOp(op, vl, vr);
            boolean keep = !op.isComparison() || BinaryOps.compare(op, vl, vr);
            if (returnBool) {
                value = keep ? 1 : 0;
            } else if (!keep) {
                continue;
            }
            Labels metric = resultMetric(lhs.metric[i], rhs.metric[r]);
            if (returnBool) {
                metric = metric.withoutMetricName();
            }
            if (matching.card() == Cardinality.ONE_TO_ONE) {
                if (matched.containsKey(sig)) {
                    throw QueryException.execution(
                            "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
                }
                matched.put(sig, null);
            } else {
                Set<Labels> inserted = matched.computeIfAbsent(sig, k -> new HashSet<>());
                if (!inserted.add(metric)) {
                    throw QueryException.execution("multiple matches for labels: grouping labels must ensure unique matches");
                }
            }
            out.add(metric, value);
        }
    }

    private Labels resultMetric(Labels left, Labels right) {
        Pair key = new Pair(left, right);
        Labels cached = resultMetrics.get(key);
        if (cached != null) {
            return cached;
        }
        Labels.Builder b = left.toBuilder();
        if (BinaryOps.shouldDropMetricName(op)) {
            b.remove(Labels.METRIC_NAME);
        }
        if (matching.card() == Cardinality.ONE_TO_ONE) {
            if (matching.on()) {
                Labels.Builder kept = Labels.builder();
                for (String name : matching.matchingLabels()) {
                    kept.set(name, b.get(name));
                }
                b = kept;
            } else {
                for (String name : matching.matchingLabels()) {
                    b.remove(name);
                }
            }
        }
        for (String name : matching.include()) {
            String v = right.get(name);
            if (!v.isEmpty()) {
                b.set(name, v);
            } else {
                b.remove(name);
            }
        }
        Labels result = b.build();
        resultMetrics.put(key, result);
        return result;
    }
}
