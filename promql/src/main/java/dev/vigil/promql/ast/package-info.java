/**
 * PromQL's syntax tree as Prometheus 2.42 shapes it (one record per node kind), the value types,
 * operators and function signatures the parser checks against, and the printer that turns a tree
 * back into PromQL. Nothing here evaluates.
 */
package dev.vigil.promql.ast;
