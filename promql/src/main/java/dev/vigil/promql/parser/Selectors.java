package dev.vigil.promql.parser;

import dev.vigil.promql.ast.AtModifier;
import dev.vigil.promql.ast.PositionRange;
import dev.vigil.promql.ast.VectorSelector;
import dev.vigil.storage.index.Matcher;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Vector selectors, their label matchers, and the label lists of {@code by}, {@code on}, ... */
final class Selectors {
    /** Words that name a metric where a selector may start (2.42's {@code metric_identifier}). */
    static final Set<ItemType> METRIC_NAMES = EnumSet.of(ItemType.AVG, ItemType.BOTTOMK, ItemType.BY,
            ItemType.COUNT, ItemType.COUNT_VALUES, ItemType.GROUP, ItemType.IDENTIFIER, ItemType.LAND, ItemType.LOR,
            ItemType.LUNLESS, ItemType.MAX, ItemType.METRIC_IDENTIFIER, ItemType.MIN, ItemType.OFFSET,
            ItemType.QUANTILE, ItemType.STDDEV, ItemType.STDVAR, ItemType.SUM, ItemType.TOPK, ItemType.WITHOUT,
            ItemType.START, ItemType.END);
    /** Words a grouping list accepts as label names (2.42's {@code maybe_label}: no {@code without}). */
    private static final Set<ItemType> MAYBE_LABELS = EnumSet.of(ItemType.AVG, ItemType.BOOL, ItemType.BOTTOMK,
            ItemType.BY, ItemType.COUNT, ItemType.COUNT_VALUES, ItemType.GROUP, ItemType.GROUP_LEFT,
            ItemType.GROUP_RIGHT, ItemType.IDENTIFIER, ItemType.IGNORING, ItemType.LAND, ItemType.LOR,
            ItemType.LUNLESS, ItemType.MAX, ItemType.METRIC_IDENTIFIER, ItemType.MIN, ItemType.OFFSET, ItemType.ON,
            ItemType.QUANTILE, ItemType.STDDEV, ItemType.STDVAR, ItemType.SUM, ItemType.TOPK, ItemType.START,
            ItemType.END, ItemType.ATAN2);
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final Tokens t;

    Selectors(Tokens t) {
        this.t = t;
    }

    /**
     * A selector whose name token (or null) was read; the next token may open its braces. A given
     * name adds {@code __name__="name"} after the other matchers, as 2.42 does.
     */
    VectorSelector selector(Item name) throws ParseException {
        List<Matcher> matchers = new ArrayList<>();
        PositionRange range;
        if (name != null && !t.at(ItemType.LEFT_BRACE)) {
            range = name.range();
        } else {
            Item open = t.next();
            Item close = labelMatchers(matchers);
            range = new PositionRange(name != null ? name.pos() : open.pos(), close.end());
        }
        if (name != null) {
            matchers.add(Matcher.equal("__name__", name.val()));
        }
        return new VectorSelector(name != null ? name.val() : "", matchers, 0, 0, null, AtModifier.NONE, range);
    }

    /** The matchers after {@code {}, up to and including the closing brace, which it returns. */
    private Item labelMatchers(List<Matcher> out) throws ParseException {
        if (t.at(ItemType.RIGHT_BRACE)) {
            return t.next();
        }
        while (true) {
            if (!t.at(ItemType.IDENTIFIER)) {
                throw t.unexpected("label matching", "identifier or \"}\"");
            }
            Item label = t.next();
            Item op = t.peek();
            Matcher.Type type = switch (op.type()) {
                case EQL -> Matcher.Type.EQUAL;
                case NEQ -> Matcher.Type.NOT_EQUAL;
                case EQL_REGEX -> Matcher.Type.REGEX;
                case NEQ_REGEX -> Matcher.Type.NOT_REGEX;
                default -> throw t.unexpected("label matching", "label matching operator");
            };
            t.next();
            if (!t.at(ItemType.STRING)) {
                throw t.unexpected("label matching", "string");
            }
            Item value = t.next();
            out.add(matcher(label, type, value));
            if (t.at(ItemType.COMMA)) {
                t.next();
                if (t.at(ItemType.RIGHT_BRACE)) {
                    return t.next();
                }
            } else if (t.at(ItemType.RIGHT_BRACE)) {
                return t.next();
            } else {
                throw t.unexpected("label matching", "\",\" or \"}\"");
            }
        }
    }

    private Matcher matcher(Item label, Matcher.Type type, Item value) throws ParseException {
        String v = string(value);
        try {
            return Matcher.of(type, label.val(), v);
        } catch (IllegalArgumentException e) {
            String message = e.getCause() instanceof PatternSyntaxException pse
                    ? RegexErrors.goMessage(pse) : e.getMessage();
            throw t.error(new PositionRange(label.pos(), value.end()), message);
        }
    }

    /** A string token's value; 2.42 reports a failed unquote at the token. */
    String string(Item token) throws ParseException {
        try {
            return Unquote.unquote(token.val());
        } catch (IllegalArgumentException e) {
            throw t.error(token.range(), "error unquoting string " + GoText.quote(token.val()) + ": " + e.getMessage());
        }
    }

    /** {@code (a, b)} after {@code by}, {@code without}, {@code on}, {@code ignoring}, {@code group_x}. */
    List<String> groupingLabels() throws ParseException {
        if (!t.at(ItemType.LEFT_PAREN)) {
            throw t.unexpected("grouping opts", "\"(\"");
        }
        t.next();
        List<String> labels = new ArrayList<>();
        if (t.at(ItemType.RIGHT_PAREN)) {
            t.next();
            return labels;
        }
        while (true) {
            Item label = t.peek();
            if (!MAYBE_LABELS.contains(label.type())) {
                throw t.unexpected("grouping opts", "label");
            }
            t.next();
            if (!LABEL_NAME.matcher(label.val()).matches()) {
                throw t.unexpected(label, "grouping opts", "label");
            }
            labels.add(label.val());
            if (t.at(ItemType.COMMA)) {
                t.next();
                if (t.at(ItemType.RIGHT_PAREN)) {
                    t.next();
                    return labels;
                }
            } else if (t.at(ItemType.RIGHT_PAREN)) {
                t.next();
                return labels;
            } else {
                throw t.unexpected("grouping opts", "\",\" or \")\"");
            }
        }
    }
}
