package dev.vigil.alerting.am.labels;

/** The four matcher operators, in Alertmanager's order (which breaks ties when sorting matchers). */
public enum MatchType {
    EQUAL("="),
    NOT_EQUAL("!="),
    REGEXP("=~"),
    NOT_REGEXP("!~");

    private final String operator;

    MatchType(String operator) {
        this.operator = operator;
    }

    public String operator() {
        return operator;
    }

    public static MatchType ofOperator(String op) {
        for (MatchType t : values()) {
            if (t.operator.equals(op)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown match type " + op);
    }

    @Override
    public String toString() {
        return operator;
    }
}
