/**
 * Structured logging in node_exporter's shape: {@code --log.level} (debug, info, warn, error) and
 * {@code --log.format} (logfmt or json), one record per line on stderr, with key/value pairs. It
 * sits on java.util.logging, so Helidon's own records come out in the same format.
 */
package dev.vigil.exporter.log;
