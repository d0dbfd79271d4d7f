/**
 * The collector SPI and the registry that runs collectors for a scrape: {@link
 * dev.vigil.exporter.Collector}, {@link dev.vigil.exporter.MetricSink}, {@link
 * dev.vigil.exporter.Desc} and {@link dev.vigil.exporter.CollectorRegistry}. Collectors never see
 * HTTP, flags or client_java; they describe families with {@code Desc} and send values to a sink.
 */
package dev.vigil.exporter;
