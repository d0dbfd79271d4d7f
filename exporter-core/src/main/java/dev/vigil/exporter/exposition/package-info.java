/**
 * Writing a scrape's snapshots in the format the scraper asked for: Prometheus text 0.0.4 or
 * OpenMetrics 1.0 chosen by {@code Accept}, gzip when {@code Accept-Encoding} allows it. The
 * writers are client_java's; this package only negotiates and buffers.
 */
package dev.vigil.exporter.exposition;
