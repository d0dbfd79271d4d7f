package dev.vigil.alerting.rules;

import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.value.Sample;
import java.util.List;

/** A recording or alerting rule, with its health as the API reports it. */
public abstract sealed class Rule permits RecordingRule, AlertingRule {
    private final String name;
    private final Expr expr;
    private volatile String health = "unknown";
    private volatile String lastError = "";
    private volatile long lastEvaluation;
    private volatile double evaluationSeconds;

    Rule(String name, Expr expr) {
        this.name = name;
        this.expr = expr;
    }

    public String name() {
        return name;
    }

    public Expr expr() {
        return expr;
    }

    /** "ok", "err" or "unknown" (not evaluated yet). */
    public String health() {
        return health;
    }

    public String lastError() {
        return lastError;
    }

    public long lastEvaluation() {
        return lastEvaluation;
    }

    public double evaluationSeconds() {
        return evaluationSeconds;
    }

    void recordEvaluation(long ts, double seconds, String error) {
        lastEvaluation = ts;
        evaluationSeconds = seconds;
        health = error == null ? "ok" : "err";
        lastError = error == null ? "" : error;
    }

    /** Evaluates at {@code ts}; returns the samples to store. */
    abstract List<Sample> eval(long ts, RuleContext ctx, long limit);
}
