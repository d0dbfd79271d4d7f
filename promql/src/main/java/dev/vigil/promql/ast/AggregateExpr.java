package dev.vigil.promql.ast;

import java.util.List;

/**
 * {@code op by|without (grouping) ([param,] expr)}; {@code param} is null for aggregations that
 * take none.
 */
public record AggregateExpr(AggregationOp op, Expr expr, Expr param, List<String> grouping, boolean without,
        PositionRange position) implements Expr {
    public AggregateExpr {
        grouping = List.copyOf(grouping);
    }

    @Override
    public ValueType type() {
        return ValueType.VECTOR;
    }

    public AggregateExpr withExprs(Expr newExpr, Expr newParam) {
        return new AggregateExpr(op, newExpr, newParam, grouping, without, position);
    }
}
