/**
 * PromQL's lexer and parser with Prometheus 2.42's grammar, type checks and positioned error
 * messages: {@code Lexer} (over {@code RuneScanner}) makes tokens,
 * {@code ExprParser}, {@code Selectors} and {@code Modifiers} build the syntax tree by recursive
 * descent, {@code Checker} runs 2.42's {@code checkAST}, and {@link dev.vigil.promql.parser.Parser}
 * is the entry point. Never imports the engine; printing lives with the tree, in
 * {@link dev.vigil.promql.ast.Printer}.
 */
package dev.vigil.promql.parser;
