/**
 * What a PromQL expression evaluates to: instant vectors, range vectors (matrices), scalars and
 * strings, with Prometheus' ordering and formatting rules for them.
 */
package dev.vigil.promql.value;
