package dev.vigil.promql.ast;

import java.util.List;

/** A function call: {@code rate(x[5m])}. */
public record Call(Function function, List<Expr> args, PositionRange position) implements Expr {
    public Call {
        args = List.copyOf(args);
    }

    @Override
    public ValueType type() {
        return function.returnType();
    }

    public Call withArgs(List<Expr> newArgs) {
        return new Call(function, newArgs, position);
    }
}
