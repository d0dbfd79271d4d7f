package dev.vigil.promql.parser;

import dev.vigil.promql.ast.AggregateExpr;
import dev.vigil.promql.ast.AggregationOp;
import dev.vigil.promql.ast.BinaryExpr;
import dev.vigil.promql.ast.Call;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.Function;
import dev.vigil.promql.ast.MatrixSelector;
import dev.vigil.promql.ast.ParenExpr;
import dev.vigil.promql.ast.PositionRange;
import dev.vigil.promql.ast.StepInvariantExpr;
import dev.vigil.promql.ast.SubqueryExpr;
import dev.vigil.promql.ast.UnaryExpr;
import dev.vigil.promql.ast.ValueType;
import dev.vigil.promql.ast.VectorMatching;
import dev.vigil.promql.ast.VectorMatching.Cardinality;
import dev.vigil.promql.ast.VectorSelector;
import dev.vigil.storage.index.Matcher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * 2.42's {@code checkAST}: the type checks run once the query has parsed, in its order (children
 * first) and with its messages. It also settles vector matching as 2.42 does: none where a side is
 * not an instant vector, many-to-many for {@code and}/{@code or}/{@code unless}.
 */
final class Checker {
    private final Tokens t;
    private final byte[] query;

    Checker(Tokens t) {
        this.t = t;
        this.query = t.query.getBytes(StandardCharsets.UTF_8);
    }

    Expr check(Expr node) throws ParseException {
        return switch (node) {
            case AggregateExpr a -> aggregate(a);
            case BinaryExpr b -> binary(b);
            case Call c -> call(c);
            case ParenExpr p -> p.withExpr(check(p.expr()));
            case UnaryExpr u -> {
                Expr inner = check(u.expr());
                if (inner.type() != ValueType.SCALAR && inner.type() != ValueType.VECTOR) {
                    throw t.error(u.position(), "unary expression only allowed on expressions of type scalar or "
                            + "instant vector, got " + GoText.quote(inner.type().documentedName()));
                }
                yield u.withExpr(inner);
            }
            case SubqueryExpr s -> {
                Expr inner = check(s.expr());
                if (inner.type() != ValueType.VECTOR) {
                    throw t.error(s.position(), "subquery is only allowed on instant vector, got "
                            + inner.type().text() + " instead");
                }
                yield s.withExpr(inner);
            }
            case MatrixSelector m -> m.withVectorSelector(selector(m.vectorSelector()));
            case VectorSelector v -> selector(v);
            case StepInvariantExpr s -> new StepInvariantExpr(check(s.expr()));
            default -> node;
        };
    }

    private Expr expectType(Expr node, ValueType want, String context) throws ParseException {
        Expr checked = check(node);
        if (checked.type() != want) {
            throw t.error(node.position(), "expected type " + want.documentedName() + " in " + context + ", got "
                    + checked.type().documentedName());
        }
        return checked;
    }

    private Expr aggregate(AggregateExpr a) throws ParseException {
        Expr expr = expectType(a.expr(), ValueType.VECTOR, "aggregation expression");
        Expr param = a.param();
        if (a.op() == AggregationOp.TOPK || a.op() == AggregationOp.BOTTOMK || a.op() == AggregationOp.QUANTILE) {
            param = expectType(param, ValueType.SCALAR, "aggregation parameter");
        } else if (a.op() == AggregationOp.COUNT_VALUES) {
            param = expectType(param, ValueType.STRING, "aggregation parameter");
        }
        return a.withExprs(expr, param);
    }

    private Expr binary(BinaryExpr b) throws ParseException {
        Expr lhs = check(b.lhs());
        Expr rhs = check(b.rhs());
        ValueType lt = lhs.type();
        ValueType rt = rhs.type();
        VectorMatching vm = b.matching();
        if (b.returnBool() && !b.op().isComparison()) {
            throw t.error(operatorRange(b), "bool modifier can only be used on comparison operators");
        }
        if (b.op().isComparison() && !b.returnBool() && lt == ValueType.SCALAR && rt == ValueType.SCALAR) {
            throw t.error(operatorRange(b), "comparisons between scalars must use BOOL modifier");
        }
        if (vm != null && b.op().isSetOperator() && vm.card() == Cardinality.ONE_TO_ONE) {
            vm = new VectorMatching(Cardinality.MANY_TO_MANY, vm.matchingLabels(), vm.on(), vm.include());
        }
        if (vm != null && vm.on()) {
            for (String label : vm.matchingLabels()) {
                if (vm.include().contains(label)) {
                    throw t.error(operatorRange(b), "label " + GoText.quote(label)
                            + " must not occur in ON and GROUP clause at once");
                }
            }
        }
        if (lt != ValueType.SCALAR && lt != ValueType.VECTOR) {
            throw t.error(lhs.position(), "binary expression must contain only scalar and instant vector types");
        }
        if (rt != ValueType.SCALAR && rt != ValueType.VECTOR) {
            throw t.error(rhs.position(), "binary expression must contain only scalar and instant vector types");
        }
        if ((lt != ValueType.VECTOR || rt != ValueType.VECTOR) && vm != null) {
            if (!vm.matchingLabels().isEmpty()) {
                throw t.error(b.position(), "vector matching only allowed between instant vectors");
            }
            vm = null;
        } else if (vm != null && b.op().isSetOperator()
                && (vm.card() == Cardinality.ONE_TO_MANY || vm.card() == Cardinality.MANY_TO_ONE)) {
            throw t.error(b.position(), "no grouping allowed for " + GoText.quote(b.op().text()) + " operation");
        }
        if ((lt == ValueType.SCALAR || rt == ValueType.SCALAR) && b.op().isSetOperator()) {
            throw t.error(b.position(), "set operator " + GoText.quote(b.op().text())
                    + " not allowed in binary scalar expression");
        }
        return new BinaryExpr(b.op(), lhs, rhs, vm, b.returnBool());
    }

    /** The operator's text between the operands, trimmed of spaces, as 2.42's {@code opRange}. */
    private PositionRange operatorRange(BinaryExpr b) {
        int start = b.lhs().position().end();
        while (start < query.length && Lexer.isSpace(query[start])) {
            start++;
        }
        int end = b.rhs().position().start() - 1;
        while (end > start && Lexer.isSpace(query[end])) {
            end--;
        }
        return new PositionRange(start, end);
    }

    private Expr call(Call c) throws ParseException {
        Function f = c.function();
        int declared = f.argTypes().size();
        int given = c.args().size();
        String name = GoText.quote(f.name());
        if (f.variadic() == 0) {
            if (declared != given) {
                throw t.error(c.position(), "expected " + declared + " argument(s) in call to " + name + ", got "
                        + given);
            }
        } else if (declared - 1 > given) {
            throw t.error(c.position(), "expected at least " + (declared - 1) + " argument(s) in call to " + name
                    + ", got " + given);
        } else if (f.variadic() > 0 && declared - 1 + f.variadic() < given) {
            throw t.error(c.position(), "expected at most " + (declared - 1 + f.variadic())
                    + " argument(s) in call to " + name + ", got " + given);
        }
        List<Expr> args = new ArrayList<>();
        for (int i = 0; i < given; i++) {
            int slot = Math.min(i, declared - 1);
            args.add(expectType(c.args().get(i), f.argTypes().get(slot), "call to function " + name));
        }
        return c.withArgs(args);
    }

    private VectorSelector selector(VectorSelector v) throws ParseException {
        List<Matcher> matchers = v.matchers();
        if (!v.name().isEmpty()) {
            for (Matcher m : matchers.subList(0, matchers.size() - 1)) {
                if (m.name().equals("__name__")) {
                    throw t.error(v.position(), "metric name must not be set twice: " + GoText.quote(v.name())
                            + " or " + GoText.quote(m.value()));
                }
            }
            return v;
        }
        for (Matcher m : matchers) {
            if (!m.matches("")) {
                return v;
            }
        }
        throw t.error(v.position(), "vector selector must contain at least one non-empty matcher");
    }
}
