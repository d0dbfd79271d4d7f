/**
 * Evaluates PromQL syntax trees over the storage Querier with Prometheus 2.42's semantics: instant
 * and range queries, lookback and staleness, functions, aggregations, binary operators,
 * subqueries, and the guard rails (timeout, samples loaded, concurrency).
 */
package dev.vigil.promql.engine;
