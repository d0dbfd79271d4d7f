/**
 * PromQL's lexer and parser (Prometheus 2.42's grammar, its type checks and its positioned error
 * messages), plus the series-description notation of test scripts. Never imports the engine.
 */
package dev.vigil.promql.parser;
