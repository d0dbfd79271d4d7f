package dev.vigil.promql.parser;

import dev.vigil.promql.ast.AggregateExpr;
import dev.vigil.promql.ast.AggregationOp;
import dev.vigil.promql.ast.BinaryExpr;
import dev.vigil.promql.ast.BinaryOp;
import dev.vigil.promql.ast.Call;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.Function;
import dev.vigil.promql.ast.Functions;
import dev.vigil.promql.ast.NumberLiteral;
import dev.vigil.promql.ast.ParenExpr;
import dev.vigil.promql.ast.PositionRange;
import dev.vigil.promql.ast.StringLiteral;
import dev.vigil.promql.ast.UnaryExpr;
import dev.vigil.promql.ast.VectorMatching;
import dev.vigil.promql.ast.VectorMatching.Cardinality;
import java.util.ArrayList;
import java.util.List;

/**
 * Expressions by precedence climbing, giving the trees 2.42's yacc grammar gives: operators by
 * their precedence ({@code ^} to the right), a unary sign binding like {@code *} (so {@code -1^2}
 * is {@code -(1^2)}), and modifiers ({@code [..]}, {@code offset}, {@code @}) tighter than all.
 * Syntax errors name the token and the context the grammar's error rules would name.
 */
final class ExprParser {
    private final Tokens t;
    private final Selectors selectors;
    private final Modifiers modifiers;

    ExprParser(Tokens t) {
        this.t = t;
        this.selectors = new Selectors(t);
        this.modifiers = new Modifiers(t);
    }

    /** A whole query: one expression, then the end of input. */
    Expr query() throws ParseException {
        if (t.at(ItemType.EOF)) {
            throw t.error(new PositionRange(0, 0), "no expression found in input");
        }
        Expr e = expr(0);
        if (!t.at(ItemType.EOF)) {
            throw t.unexpectedHere();
        }
        return e;
    }

    private Expr expr(int minPrecedence) throws ParseException {
        Expr lhs = unary();
        while (true) {
            BinaryOp op = binaryOp(t.peek().type());
            if (op == null || op.precedence() < minPrecedence) {
                return lhs;
            }
            t.next();
            boolean returnBool = false;
            if (t.at(ItemType.BOOL)) {
                t.next();
                returnBool = true;
            }
            VectorMatching matching = matching();
            Expr rhs = expr(op.isRightAssociative() ? op.precedence() : op.precedence() + 1);
            lhs = new BinaryExpr(op, lhs, rhs, matching, returnBool);
        }
    }

    /** {@code on|ignoring (..) [group_left|group_right [(..)]]}, or plain one-to-one matching. */
    private VectorMatching matching() throws ParseException {
        if (!t.at(ItemType.ON) && !t.at(ItemType.IGNORING)) {
            return new VectorMatching(Cardinality.ONE_TO_ONE, List.of(), false, List.of());
        }
        boolean on = t.next().type() == ItemType.ON;
        List<String> labels = selectors.groupingLabels();
        Cardinality card = Cardinality.ONE_TO_ONE;
        List<String> include = List.of();
        if (t.at(ItemType.GROUP_LEFT) || t.at(ItemType.GROUP_RIGHT)) {
            card = t.next().type() == ItemType.GROUP_LEFT ? Cardinality.MANY_TO_ONE : Cardinality.ONE_TO_MANY;
            if (t.at(ItemType.LEFT_PAREN)) {
                include = selectors.groupingLabels();
            }
        }
        return new VectorMatching(card, labels, on, include);
    }

    private static BinaryOp binaryOp(ItemType type) {
        return switch (type) {
            case LOR -> BinaryOp.LOR;
            case LAND -> BinaryOp.LAND;
            case LUNLESS -> BinaryOp.LUNLESS;
            case EQLC -> BinaryOp.EQLC;
            case NEQ -> BinaryOp.NEQ;
            case LTE -> BinaryOp.LTE;
            case LSS -> BinaryOp.LSS;
            case GTE -> BinaryOp.GTE;
            case GTR -> BinaryOp.GTR;
            case ADD -> BinaryOp.ADD;
            case SUB -> BinaryOp.SUB;
            case MUL -> BinaryOp.MUL;
            case DIV -> BinaryOp.DIV;
            case MOD -> BinaryOp.MOD;
            case ATAN2 -> BinaryOp.ATAN2;
            case POW -> BinaryOp.POW;
            default -> null;
        };
    }

    /** A sign folds into a number literal, as 2.42 folds it; otherwise it makes a unary expression. */
    private Expr unary() throws ParseException {
        if (!t.at(ItemType.ADD) && !t.at(ItemType.SUB)) {
            return modifiers.postfix(primary());
        }
        Item sign = t.next();
        Expr operand = expr(BinaryOp.POW.precedence());
        boolean minus = sign.type() == ItemType.SUB;
        if (operand instanceof NumberLiteral n) {
            return new NumberLiteral(minus ? -n.value() : n.value(),
                    new PositionRange(sign.pos(), n.position().end()));
        }
        return new UnaryExpr(minus ? BinaryOp.SUB : BinaryOp.ADD, operand, sign.pos());
    }

    private Expr primary() throws ParseException {
        Item tok = t.peek();
        switch (tok.type()) {
            case NUMBER -> {
                t.next();
                return new NumberLiteral(modifiers.number(tok), tok.range());
            }
            case STRING -> {
                t.next();
                return new StringLiteral(selectors.string(tok), tok.range());
            }
            case LEFT_PAREN -> {
                t.next();
                Expr inner = expr(0);
                if (!t.at(ItemType.RIGHT_PAREN)) {
                    throw t.unexpectedHere();
                }
                Item close = t.next();
                return new ParenExpr(inner, new PositionRange(tok.pos(), close.end()));
            }
            case LEFT_BRACE -> {
                return selectors.selector(null);
            }
            default -> {
                if (!Selectors.METRIC_NAMES.contains(tok.type())) {
                    throw t.unexpectedHere();
                }
                t.next();
                ItemType following = t.peek().type();
                if (tok.type() == ItemType.IDENTIFIER && following == ItemType.LEFT_PAREN) {
                    return call(tok);
                }
                if (tok.type().isAggregator() && (following == ItemType.LEFT_PAREN || following == ItemType.BY
                        || following == ItemType.WITHOUT)) {
                    return aggregation(tok);
                }
                return selectors.selector(tok);
            }
        }
    }

    private Expr call(Item name) throws ParseException {
        List<Expr> args = callArgs();
        Function function = Functions.byName(name.val());
        if (function == null) {
            throw t.error(name.range(), "unknown function with name " + GoText.quote(name.val()));
        }
        return new Call(function, args, new PositionRange(name.pos(), t.lastClosing()));
    }

    /** {@code (a, b)}: the arguments of a call or an aggregation. */
    private List<Expr> callArgs() throws ParseException {
        t.next();
        List<Expr> args = new ArrayList<>();
        if (t.at(ItemType.RIGHT_PAREN)) {
            t.next();
            return args;
        }
        while (true) {
            args.add(expr(0));
            if (t.at(ItemType.COMMA)) {
                Item comma = t.next();
                if (t.at(ItemType.RIGHT_PAREN)) {
                    throw t.error(comma.range(), "trailing commas not allowed in function call args");
                }
            } else if (t.at(ItemType.RIGHT_PAREN)) {
                t.next();
                return args;
            } else {
                throw t.unexpectedHere();
            }
        }
    }

    /** {@code op [by|without (..)] ([param,] expr) [by|without (..)]}. */
    private Expr aggregation(Item op) throws ParseException {
        t.aggregationDepth++;
        List<String> grouping = null;
        boolean without = false;
        if (t.at(ItemType.BY) || t.at(ItemType.WITHOUT)) {
            without = t.next().type() == ItemType.WITHOUT;
            grouping = selectors.groupingLabels();
            if (!t.at(ItemType.LEFT_PAREN)) {
                throw t.unexpectedHere();
            }
        }
        List<Expr> args = callArgs();
        if (grouping == null && (t.at(ItemType.BY) || t.at(ItemType.WITHOUT))) {
            without = t.next().type() == ItemType.WITHOUT;
            grouping = selectors.groupingLabels();
        }
        t.aggregationDepth--;
        PositionRange range = new PositionRange(op.pos(), t.lastClosing());
        AggregationOp aggregation = AggregationOp.byName(op.type().text);
        if (args.isEmpty()) {
            throw t.error(range, "no arguments for aggregate expression provided");
        }
        int wanted = aggregation.hasParam() ? 2 : 1;
        if (args.size() != wanted) {
            throw t.error(range, "wrong number of arguments for aggregate expression provided, expected "
                    + wanted + ", got " + args.size());
        }
        return new AggregateExpr(aggregation, args.get(wanted - 1), wanted == 2 ? args.get(0) : null,
                grouping == null ? List.of() : grouping, without, range);
    }
}
