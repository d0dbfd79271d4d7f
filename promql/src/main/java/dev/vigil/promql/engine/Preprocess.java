package dev.vigil.promql.engine;

import dev.vigil.promql.ast.AggregateExpr;
import dev.vigil.promql.ast.AtModifier;
import dev.vigil.promql.ast.BinaryExpr;
import dev.vigil.promql.ast.Call;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.MatrixSelector;
import dev.vigil.promql.ast.NumberLiteral;
import dev.vigil.promql.ast.ParenExpr;
import dev.vigil.promql.ast.StepInvariantExpr;
import dev.vigil.promql.ast.StringLiteral;
import dev.vigil.promql.ast.SubqueryExpr;
import dev.vigil.promql.ast.UnaryExpr;
import dev.vigil.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Prepares a tree before evaluation, as Prometheus' {@code PreprocessExpr}: resolves
 * {@code @ start()}/{@code @ end()} to times and wraps the parts that give the same value at every
 * step in {@link StepInvariantExpr}, so they are evaluated once.
 */
final class Preprocess {
    /** Functions whose result depends on the evaluation time even when their input does not. */
    static final Set<String> AT_MODIFIER_UNSAFE = Set.of("days_in_month", "day_of_month", "day_of_week",
            "day_of_year", "hour", "minute", "month", "year", "predict_linear", "time", "timestamp");

    private final long start;
    private final long end;

    private Preprocess(long start, long end) {
        this.start = start;
        this.end = end;
    }

    static Expr run(Expr expr, long start, long end) {
        Preprocess p = new Preprocess(start, end);
        Prepared prepared = p.prepare(expr);
        return prepared.invariant ? new StepInvariantExpr(prepared.expr) : prepared.expr;
    }

    private record Prepared(Expr expr, boolean invariant) {
    }

    private Long resolve(Long timestamp, AtModifier startOrEnd) {
        return switch (startOrEnd) {
            case START -> start;
            case END -> end;
            case NONE -> timestamp;
        };
    }

    private static Expr wrapIf(Prepared p) {
        return p.invariant ? new StepInvariantExpr(p.expr) : p.expr;
    }

    private Prepared prepare(Expr expr) {
        return switch (expr) {
            case VectorSelector vs -> {
                VectorSelector resolved = vs.withAt(resolve(vs.timestamp(), vs.startOrEnd()), vs.startOrEnd());
                yield new Prepared(resolved, resolved.timestamp() != null);
            }
            case AggregateExpr a -> {
                Prepared inner = prepare(a.expr());
                Expr param = a.param() == null ? null : prepare(a.param()).expr;
                yield new Prepared(a.withExprs(inner.expr, param), inner.invariant);
            }
            case BinaryExpr b -> {
                Prepared l = prepare(b.lhs());
                Prepared r = prepare(b.rhs());
                if (l.invariant && r.invariant) {
                    yield new Prepared(b.withSides(l.expr, r.expr), true);
                }
                yield new Prepared(b.withSides(wrapIf(l), wrapIf(r)), false);
            }
            case Call c -> {
                boolean invariant = !AT_MODIFIER_UNSAFE.contains(c.function().name());
                List<Prepared> args = new ArrayList<>();
                for (Expr arg : c.args()) {
                    Prepared p = prepare(arg);
                    args.add(p);
                    invariant &= p.invariant;
                }
                List<Expr> newArgs = new ArrayList<>();
                for (Prepared p : args) {
                    newArgs.add(invariant ? p.expr : wrapIf(p));
                }
                yield new Prepared(c.withArgs(newArgs), invariant);
            }
            case MatrixSelector m -> {
                Prepared vs = prepare(m.vectorSelector());
                yield new Prepared(m.withVectorSelector((VectorSelector) vs.expr), vs.invariant);
            }
            case SubqueryExpr s -> {
                Prepared inner = prepare(s.expr());
                SubqueryExpr resolved = s.withExpr(wrapIf(inner))
                        .withAt(resolve(s.timestamp(), s.startOrEnd()), s.startOrEnd());
                yield new Prepared(resolved, resolved.timestamp() != null);
            }
            case ParenExpr p -> {
                Prepared inner = prepare(p.expr());
                yield new Prepared(p.withExpr(inner.expr), inner.invariant);
            }
            case UnaryExpr u -> {
                Prepared inner = prepare(u.expr());
                yield new Prepared(u.withExpr(inner.expr), inner.invariant);
            }
            case StringLiteral s -> new Prepared(s, true);
            case NumberLiteral n -> new Prepared(n, true);
            case StepInvariantExpr s -> new Prepared(s, true);
        };
    }

    /**
     * Prometheus' {@code setOffsetForAtModifier}: turns each {@code @} into an offset relative to
     * {@code evalTime}, taking the offsets and {@code @} of enclosing subqueries into account.
     */
    static Expr setOffsetForAtModifier(long evalTime, Expr expr) {
        return new AtOffsets(evalTime).walk(expr, new ArrayList<>());
    }

    private record AtOffsets(long evalTime) {
        private long offset(Long ts, long originalOffset, List<SubqueryExpr> path) {
            if (ts == null) {
                return originalOffset;
            }
            long subqOffset = 0;
            Long subqTs = null;
            for (SubqueryExpr s : path) {
                subqOffset += s.originalOffset();
                if (s.timestamp() != null) {
                    subqOffset = s.originalOffset();
                    subqTs = s.timestamp();
                }
            }
            if (subqTs != null) {
                subqOffset += evalTime - subqTs;
            }
            long offsetForTs = evalTime - ts;
            return originalOffset + offsetForTs - subqOffset;
        }

        private Expr walk(Expr expr, List<SubqueryExpr> path) {
            return switch (expr) {
                case VectorSelector vs -> vs.withOffset(vs.originalOffset(),
                        offset(vs.timestamp(), vs.originalOffset(), path));
                case MatrixSelector m -> m.withVectorSelector((VectorSelector) walk(m.vectorSelector(), path));
                case SubqueryExpr s -> {
                    SubqueryExpr self = s.withOffset(s.originalOffset(), offset(s.timestamp(), s.originalOffset(), path));
                    path.add(self);
                    Expr inner = walk(s.expr(), path);
                    path.remove(path.size() - 1);
                    yield self.withExpr(inner);
                }
                case AggregateExpr a -> a.withExprs(walk(a.expr(), path), a.param() == null ? null : walk(a.param(), path));
                case BinaryExpr b -> b.withSides(walk(b.lhs(), path), walk(b.rhs(), path));
                case Call c -> {
                    List<Expr> args = new ArrayList<>();
                    for (Expr a : c.args()) {
                        args.add(walk(a, path));
                    }
                    yield c.withArgs(args);
                }
                case ParenExpr p -> p.withExpr(walk(p.expr(), path));
                case UnaryExpr u -> u.withExpr(walk(u.expr(), path));
                case StepInvariantExpr s -> new StepInvariantExpr(walk(s.expr(), path));
                case NumberLiteral n -> n;
                case StringLiteral s -> s;
            };
        }
    }
}
