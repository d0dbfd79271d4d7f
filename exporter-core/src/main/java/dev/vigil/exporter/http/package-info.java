/**
 * The exporters' HTTP side on Helidon SE: {@link dev.vigil.exporter.http.ExporterServer} opens one
 * listener per {@code --web.listen-address}, each with the web-config's TLS, and registers the
 * landing page, {@code /-/healthy} and the metrics handler behind {@link
 * dev.vigil.exporter.http.SecurityFilter} (rate limit, security headers, basic and bearer auth).
 */
package dev.vigil.exporter.http;
