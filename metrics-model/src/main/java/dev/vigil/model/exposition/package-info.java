/**
 * Streaming parsers for what scrapes return: the Prometheus text format 0.0.4 and OpenMetrics 1.0,
 * over a byte buffer, one entry at a time, with Prometheus 2.42's scrape rules and error wording.
 * No regular expressions and no allocation per sample: a series is a byte range (the cache key of
 * a scrape loop) plus a value and an optional timestamp; its labels become Strings only when the
 * caller asks, which a scrape loop does once per new series.
 */
package dev.vigil.model.exposition;
