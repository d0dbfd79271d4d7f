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
}
