/**
 * Command-line flags in node_exporter's (kingpin's) style: {@code --name=value} or {@code --name
 * value}, {@code --flag}/{@code --no-flag} for booleans, repeatable flags, generated {@code
 * --help}, and Go-style durations ({@code 10s}, {@code 1m30s}).
 */
package dev.vigil.exporter.flags;
