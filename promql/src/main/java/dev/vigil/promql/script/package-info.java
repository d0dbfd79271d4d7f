/**
 * Prometheus' PromQL test-script language ({@code load}, {@code clear}, {@code eval instant at},
 * {@code eval range from ... to ... step}, {@code eval_fail}, {@code eval_ordered}) and the
 * expanding series notation ({@code 1+2x3 _ stale}), an in-memory store to load scripts into, and
 * a runner that checks the engine against a script's expected results, as Prometheus 2.42's
 * {@code promql/test.go} does. The series notation has its own small lexer here so that scripts
 * never depend on the PromQL parser they help to test.
 */
package dev.vigil.promql.script;
