/**
 * Go {@code text/template} for the subset users write in Prometheus rule labels and annotations
 * and in Alertmanager notification templates, with Go's semantics (truthiness, {@code fmt}
 * printing, {@code missingkey=zero}), plus Prometheus' and Alertmanager's function sets.
 *
 * <p>Pieces: {@link dev.vigil.alerting.template.Lexer} turns text into tokens,
 * {@link dev.vigil.alerting.template.Parser} builds {@link dev.vigil.alerting.template.Node}s,
 * {@link dev.vigil.alerting.template.Executor} walks them, {@link dev.vigil.alerting.template.GoFmt}
 * prints values as Go's {@code fmt} does, {@link dev.vigil.alerting.template.Builtins} holds
 * text/template's built-in functions. {@link dev.vigil.alerting.template.Template} is the entry point.
 *
 * <p>Fields ({@code .A.B}) resolve on a {@link java.util.Map} by key; on any other object by a
 * public no-argument method named exactly {@code A}, else {@code a} (a record component such as
 * {@code firing()}), else {@code getA()}. The package depends on no query engine: Prometheus'
 * {@code query} function calls a {@link dev.vigil.alerting.template.QueryFunction} the caller gives.
 */
package dev.vigil.alerting.template;
