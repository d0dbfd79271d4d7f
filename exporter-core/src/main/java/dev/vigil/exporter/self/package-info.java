/**
 * The exporter's metrics about itself: {@code process_*} (client_java's ProcessMetrics), {@code
 * <ns>_exporter_build_info}, and the {@code promhttp_metric_handler_*} family node_exporter's
 * handler exposes. {@code --web.disable-exporter-metrics} removes all but the build info.
 */
package dev.vigil.exporter.self;
