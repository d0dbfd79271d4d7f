/**
 * Request admission for the exporters' listeners: basic auth against bcrypt hashes, Vigil's
 * bearer-token extension, and the toolkit's global rate limit. Credentials are compared in
 * constant time; an unknown user costs the same bcrypt work as a known one; nothing secret is
 * logged or echoed.
 */
package dev.vigil.exporter.auth;
