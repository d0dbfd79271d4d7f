package dev.vigil.alerting.rules;

import dev.vigil.model.Labels;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.engine.Engine;
import dev.vigil.promql.engine.Queryable;
import dev.vigil.promql.value.Sample;
import dev.vigil.promql.value.Scalar;
import dev.vigil.promql.value.Value;
import dev.vigil.promql.value.Vector;
import java.util.List;

/**
 * Prometheus' {@code EngineQueryFunc}: an instant query whose result must be a vector; a scalar
 * becomes a one-sample vector without labels.
 */
public final class RuleQuery {
    private final Engine engine;
    private final Queryable storage;

    public RuleQuery(Engine engine, Queryable storage) {
        this.engine = engine;
        this.storage = storage;
    }

    Queryable storage() {
        return storage;
    }

    List<Sample> query(Expr expr, long ts) {
        Value v = engine.instantQuery(storage, expr, ts).exec().value();
        return switch (v) {
            case Vector vec -> vec.samples();
            case Scalar s -> List.of(new Sample(Labels.EMPTY, s.t(), s.v()));
            default -> throw new IllegalStateException("rule result is not a vector or scalar");
        };
    }
}
