/**
 * The shared main of every Vigil exporter: {@link dev.vigil.exporter.app.ExporterApp} defines the
 * node_exporter-style flags, builds the enabled collectors from an exporter's {@link
 * dev.vigil.exporter.app.ExporterSpec}, sets up logging and the web-config, and starts the server.
 * An exporter's own main is one line that hands over its spec.
 */
package dev.vigil.exporter.app;
