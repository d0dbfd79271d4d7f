package dev.vigil.promql.parser;

import dev.vigil.promql.ast.AtModifier;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.MatrixSelector;
import dev.vigil.promql.ast.PositionRange;
import dev.vigil.promql.ast.SubqueryExpr;
import dev.vigil.promql.ast.VectorSelector;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What may follow an expression and binds tighter than any operator: {@code [range]},
 * {@code [range:step]}, {@code offset d} and {@code @ t}, with 2.42's checks and messages. Each
 * check runs as soon as its last token is read, before the next one, which is when 2.42's
 * reductions run (so a later lexer error never hides it).
 */
final class Modifiers {
    private final Tokens t;

    Modifiers(Tokens t) {
        this.t = t;
    }

    /** Applies every modifier that follows {@code e}. */
    Expr postfix(Expr e) throws ParseException {
        while (true) {
            switch (t.peek().type()) {
                case LEFT_BRACKET -> e = rangeOrSubquery(e);
                case OFFSET -> e = offset(e);
                case AT -> e = at(e);
                default -> {
                    return e;
                }
            }
        }
    }

    private Expr rangeOrSubquery(Expr e) throws ParseException {
        Item open = t.next();
        if (!t.at(ItemType.DURATION)) {
            throw t.unexpected("subquery selector", "duration");
        }
        long range = duration(t.next());
        if (t.at(ItemType.RIGHT_BRACKET)) {
            Item close = t.next();
            String problem = null;
            if (!(e instanceof VectorSelector vs)) {
                problem = "ranges only allowed for vector selectors";
            } else if (vs.originalOffset() != 0) {
                problem = "no offset modifiers allowed before range";
            } else if (vs.timestamp() != null) {
                problem = "no @ modifiers allowed before range";
            }
            if (problem != null) {
                throw t.error(new PositionRange(open.pos(), close.end()), problem);
            }
            return new MatrixSelector((VectorSelector) e, range, t.lastClosing());
        }
        if (!t.at(ItemType.COLON)) {
            throw t.unexpected("subquery or range", "\":\" or \"]\"");
        }
        t.next();
        long step = 0;
        if (t.at(ItemType.DURATION)) {
            step = duration(t.next());
            if (!t.at(ItemType.RIGHT_BRACKET)) {
                throw t.unexpected("subquery selector", "\"]\"");
            }
        } else if (!t.at(ItemType.RIGHT_BRACKET)) {
            throw t.unexpected("subquery selector", "duration or \"]\"");
        }
        Item close = t.next();
        return new SubqueryExpr(e, range, step, 0, 0, null, AtModifier.NONE, close.pos() + 1);
    }

    private Expr offset(Expr e) throws ParseException {
        t.next();
        boolean negative = false;
        if (t.at(ItemType.SUB)) {
            t.next();
            negative = true;
        }
        if (!t.at(ItemType.DURATION)) {
            throw t.unexpected("offset", "duration");
        }
        long d = duration(t.next());
        long offset = negative ? -d : d;
        String twice = "offset may not be set multiple times";
        int end = t.lastClosing();
        return switch (e) {
            case VectorSelector vs -> {
                if (vs.originalOffset() != 0) {
                    throw t.error(e.position(), twice);
                }
                yield vs.withOffset(offset, offset).withPosition(new PositionRange(vs.position().start(), end));
            }
            case MatrixSelector ms -> {
                if (ms.vectorSelector().originalOffset() != 0) {
                    throw t.error(e.position(), twice);
                }
                yield new MatrixSelector(ms.vectorSelector().withOffset(offset, offset), ms.range(), end);
            }
            case SubqueryExpr sq -> {
                if (sq.originalOffset() != 0) {
                    throw t.error(e.position(), twice);
                }
                yield new SubqueryExpr(sq.expr(), sq.range(), sq.step(), offset, offset, sq.timestamp(),
                        sq.startOrEnd(), end);
            }
            default -> throw t.error(e.position(), "offset modifier must be preceded by an instant vector "
                    + "selector or range vector selector or a subquery");
        };
    }

    private Expr at(Expr e) throws ParseException {
        t.next();
        Item first = t.peek();
        if (first.type() == ItemType.START || first.type() == ItemType.END) {
            t.next();
            if (!t.at(ItemType.LEFT_PAREN)) {
                throw t.unexpected("@", "timestamp");
            }
            t.next();
            if (!t.at(ItemType.RIGHT_PAREN)) {
                throw t.unexpected("@", "timestamp");
            }
            t.next();
            return setAt(e, null, first.type() == ItemType.START ? AtModifier.START : AtModifier.END);
        }
        boolean negative = false;
        if (first.type() == ItemType.ADD || first.type() == ItemType.SUB) {
            t.next();
            negative = first.type() == ItemType.SUB;
        }
        if (!t.at(ItemType.NUMBER)) {
            throw t.unexpected("@", "timestamp");
        }
        double seconds = number(t.next());
        if (negative) {
            seconds = -seconds;
        }
        if (Double.isNaN(seconds) || Double.isInfinite(seconds) || seconds >= 0x1p63 || seconds <= -0x1p63) {
            throw t.error(e.position(), "timestamp out of bounds for @ modifier: " + goFixed6(seconds));
        }
        return setAt(e, roundHalfAwayFromZero(seconds * 1000), AtModifier.NONE);
    }

    private Expr setAt(Expr e, Long timestamp, AtModifier startOrEnd) throws ParseException {
        String twice = "@ <timestamp> may not be set multiple times";
        int end = t.lastClosing();
        return switch (e) {
            case VectorSelector vs -> {
                if (hasAt(vs.timestamp(), vs.startOrEnd())) {
                    throw t.error(e.position(), twice);
                }
                yield vs.withAt(timestamp, startOrEnd).withPosition(new PositionRange(vs.position().start(), end));
            }
            case MatrixSelector ms -> {
                VectorSelector vs = ms.vectorSelector();
                if (hasAt(vs.timestamp(), vs.startOrEnd())) {
                    throw t.error(e.position(), twice);
                }
                yield new MatrixSelector(vs.withAt(timestamp, startOrEnd), ms.range(), end);
            }
            case SubqueryExpr sq -> {
                if (hasAt(sq.timestamp(), sq.startOrEnd())) {
                    throw t.error(e.position(), twice);
                }
                yield new SubqueryExpr(sq.expr(), sq.range(), sq.step(), sq.originalOffset(), sq.offset(), timestamp,
                        startOrEnd, end);
            }
            default -> throw t.error(e.position(), "@ modifier must be preceded by an instant vector selector "
                    + "or range vector selector or a subquery");
        };
    }

    private static boolean hasAt(Long timestamp, AtModifier startOrEnd) {
        return timestamp != null || startOrEnd == AtModifier.START || startOrEnd == AtModifier.END;
    }

    /** Go's {@code math.Round}: halves away from zero, exactly. */
    static long roundHalfAwayFromZero(double x) {
        double a = Math.abs(x);
        double r = Math.floor(a);
        if (a - r >= 0.5) {
            r += 1;
        }
        return (long) Math.copySign(r, x);
    }

    /** Go's {@code %f}: six decimals of the exact binary value, {@code +Inf}, {@code NaN}. */
    static String goFixed6(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return new BigDecimal(v).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A duration token, which 2.42 requires to be positive. */
    long duration(Item token) throws ParseException {
        long ms;
        try {
            ms = Durations.parse(token.val());
        } catch (IllegalArgumentException e) {
            throw t.error(token.range(), e.getMessage());
        }
        if (ms == 0) {
            throw t.error(token.range(), "duration must be greater than 0");
        }
        return ms;
    }

    double number(Item token) throws ParseException {
        try {
            return Numbers.parse(token.val());
        } catch (IllegalArgumentException e) {
            throw t.error(token.range(), "error parsing number: " + e.getMessage());
        }
    }
}
