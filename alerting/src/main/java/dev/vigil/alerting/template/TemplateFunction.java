package dev.vigil.alerting.template;

import java.util.List;

/**
 * A function callable from a template. Arguments arrive as the engine's values: {@link String},
 * {@link Long} (Go int), {@link Double} (Go float64), {@link Boolean}, {@code null} (nil),
 * {@link List}, {@link java.util.Map} or any object. Throwing reports {@code error calling name: msg}.
 */
@FunctionalInterface
public interface TemplateFunction {
    Object apply(List<Object> args) throws Exception;

    /** A function of one string argument (Go's {@code func(string) T}), with Go's argument-count and type errors. */
    static TemplateFunction ofString(String name, StringFunction f) {
        return a -> {
            ArgError.count(name, a, 1);
            return f.apply(ArgError.string(a.get(0)));
        };
    }

    /** The body of {@link #ofString}. */
    @FunctionalInterface
    interface StringFunction {
        Object apply(String s) throws Exception;
    }
}
