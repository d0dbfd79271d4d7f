/**
 * The live security state of a listener: {@link dev.vigil.exporter.security.WebSecurity} (TLS
 * material, authenticators, rate limiter, headers) built from a web-config, and {@link
 * dev.vigil.exporter.security.WebConfigSource}, which watches the file and everything it names and
 * swaps in a new state when they change. A file that no longer parses is logged and ignored; the
 * running state stays.
 */
package dev.vigil.exporter.security;
