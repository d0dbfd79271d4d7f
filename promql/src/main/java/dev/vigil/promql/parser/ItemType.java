package dev.vigil.promql.parser;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The lexer's token kinds, grouped as Prometheus 2.42's {@code lex.go} groups them: the group decides
 * how a token reads in an error message ({@code <op:+>}, {@code <aggr:sum>}, {@code <by>}, ...).
 */
enum ItemType {
    ERROR(Group.OTHER, null), EOF(Group.OTHER, null), COMMENT(Group.OTHER, null),
    IDENTIFIER(Group.OTHER, null), METRIC_IDENTIFIER(Group.OTHER, null), NUMBER(Group.OTHER, null),
    STRING(Group.OTHER, null), DURATION(Group.OTHER, null),
    LEFT_PAREN(Group.OTHER, "("), RIGHT_PAREN(Group.OTHER, ")"), LEFT_BRACE(Group.OTHER, "{"),
    RIGHT_BRACE(Group.OTHER, "}"), LEFT_BRACKET(Group.OTHER, "["), RIGHT_BRACKET(Group.OTHER, "]"),
    COMMA(Group.OTHER, ","), EQL(Group.OTHER, "="), COLON(Group.OTHER, ":"),

    ADD(Group.OPERATOR, "+"), DIV(Group.OPERATOR, "/"), EQLC(Group.OPERATOR, "=="), EQL_REGEX(Group.OPERATOR, "=~"),
    GTE(Group.OPERATOR, ">="), GTR(Group.OPERATOR, ">"), LAND(Group.OPERATOR, "and"), LOR(Group.OPERATOR, "or"),
    LSS(Group.OPERATOR, "<"), LTE(Group.OPERATOR, "<="), LUNLESS(Group.OPERATOR, "unless"),
    MOD(Group.OPERATOR, "%"), MUL(Group.OPERATOR, "*"), NEQ(Group.OPERATOR, "!="), NEQ_REGEX(Group.OPERATOR, "!~"),
    POW(Group.OPERATOR, "^"), SUB(Group.OPERATOR, "-"), AT(Group.OPERATOR, "@"), ATAN2(Group.OPERATOR, "atan2"),

    AVG(Group.AGGREGATOR, "avg"), BOTTOMK(Group.AGGREGATOR, "bottomk"), COUNT(Group.AGGREGATOR, "count"),
    COUNT_VALUES(Group.AGGREGATOR, "count_values"), GROUP(Group.AGGREGATOR, "group"), MAX(Group.AGGREGATOR, "max"),
    MIN(Group.AGGREGATOR, "min"), QUANTILE(Group.AGGREGATOR, "quantile"), STDDEV(Group.AGGREGATOR, "stddev"),
    STDVAR(Group.AGGREGATOR, "stdvar"), SUM(Group.AGGREGATOR, "sum"), TOPK(Group.AGGREGATOR, "topk"),

    BOOL(Group.KEYWORD, "bool"), BY(Group.KEYWORD, "by"), GROUP_LEFT(Group.KEYWORD, "group_left"),
    GROUP_RIGHT(Group.KEYWORD, "group_right"), IGNORING(Group.KEYWORD, "ignoring"), OFFSET(Group.KEYWORD, "offset"),
    ON(Group.KEYWORD, "on"), WITHOUT(Group.KEYWORD, "without"),

    START(Group.PREPROCESSOR, "start"), END(Group.PREPROCESSOR, "end");

    /** Which of lex.go's ranges a kind falls in. */
    enum Group {
        OTHER, OPERATOR, AGGREGATOR, KEYWORD, PREPROCESSOR
    }

    private static final Map<String, ItemType> KEYWORDS = new HashMap<>();

    static {
        for (ItemType t : values()) {
            if (t.group != Group.OTHER && Character.isLetter(t.text.charAt(0))) {
                KEYWORDS.put(t.text, t);
            }
        }
        // "Inf" and "NaN" are numbers wherever a word could start (lex.go adds them to the same map).
        KEYWORDS.put("inf", NUMBER);
        KEYWORDS.put("nan", NUMBER);
    }

    final Group group;
    /** lex.go's ItemTypeStr spelling, or null where the kind has none (identifiers, numbers, ...). */
    final String text;

    ItemType(Group group, String text) {
        this.group = group;
        this.text = text;
    }

    /** The kind a word lexes as, matched case-insensitively as 2.42 does, or null for a plain word. */
    static ItemType keyword(String word) {
        return KEYWORDS.get(word.toLowerCase(Locale.ROOT));
    }

    boolean isAggregator() {
        return group == Group.AGGREGATOR;
    }

    boolean isAggregatorWithParam() {
        return this == TOPK || this == BOTTOMK || this == COUNT_VALUES || this == QUANTILE;
    }

    /** The name lex.go's {@code desc()} gives kinds without a fixed spelling. */
    String descName() {
        return switch (this) {
            case ERROR -> "error";
            case EOF -> "end of input";
            case COMMENT -> "comment";
            case IDENTIFIER -> "identifier";
            case METRIC_IDENTIFIER -> "metric identifier";
            case STRING -> "string";
            case NUMBER -> "number";
            case DURATION -> "duration";
            default -> GoText.quote(text);
        };
    }
}
