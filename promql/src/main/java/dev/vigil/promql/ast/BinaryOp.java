package dev.vigil.promql.ast;

/** Binary operators with their PromQL spelling and precedence (higher binds tighter). */
public enum BinaryOp {
    LOR("or", 1), LAND("and", 2), LUNLESS("unless", 2),
    EQLC("==", 3), NEQ("!=", 3), LTE("<=", 3), LSS("<", 3), GTE(">=", 3), GTR(">", 3),
    ADD("+", 4), SUB("-", 4),
    MUL("*", 5), DIV("/", 5), MOD("%", 5), ATAN2("atan2", 5),
    POW("^", 6);

    private final String text;
    private final int precedence;

    BinaryOp(String text, int precedence) {
        this.text = text;
        this.precedence = precedence;
    }

    public String text() {
        return text;
    }

    public int precedence() {
        return precedence;
    }

    /** {@code ^} groups right to left; every other operator left to right. */
    public boolean isRightAssociative() {
        return this == POW;
    }

    public boolean isComparison() {
        return precedence == 3;
    }

    /** {@code and}, {@code or}, {@code unless}. */
    public boolean isSetOperator() {
        return this == LOR || this == LAND || this == LUNLESS;
    }
}
