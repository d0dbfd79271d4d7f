package dev.vigil.promql.ast;

/** A PromQL expression: one node of the syntax tree. */
public sealed interface Expr permits AggregateExpr, BinaryExpr, Call, MatrixSelector, NumberLiteral, ParenExpr,
        StepInvariantExpr, StringLiteral, SubqueryExpr, UnaryExpr, VectorSelector {
    /** The type this expression evaluates to. */
    ValueType type();

    /** Where the expression is in the query. */
    PositionRange position();

    /** The expression as PromQL, in Prometheus' canonical spelling. */
    default String print() {
        return Printer.print(this);
    }
}
