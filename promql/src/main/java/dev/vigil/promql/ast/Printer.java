package dev.vigil.promql.ast;

/** Turns a syntax tree back into PromQL, spelled as Prometheus 2.42's {@code String()} spells it. */
public final class Printer {
    private Printer() {
    }

    public static String print(Expr expr) {
        throw new UnsupportedOperationException("printer: not yet written");
    }
}
