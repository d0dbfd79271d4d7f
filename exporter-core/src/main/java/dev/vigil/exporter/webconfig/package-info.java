/**
 * The exporter-toolkit {@code web-config.yml}, read verbatim: {@code tls_server_config}, {@code
 * http_server_config}, {@code basic_auth_users}, {@code rate_limit}, plus Vigil's {@code
 * bearer_auth} extension. {@link dev.vigil.exporter.webconfig.WebConfigParser} turns the file into
 * an immutable {@link dev.vigil.exporter.webconfig.WebConfig}, checking every value the way the
 * toolkit does; {@link dev.vigil.exporter.webconfig.WebConfigSource} re-reads it, and the files it
 * names, when they change. TLS material is loaded by the {@code tls} package, not here.
 */
package dev.vigil.exporter.webconfig;
