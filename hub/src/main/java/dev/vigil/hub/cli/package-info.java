/**
 * The hub's subcommands in promtool's spirit: {@code check config}, {@code check rules},
 * {@code query instant|range} (printing what promtool prints) and {@code test promql}. They run
 * instead of the server and never touch its storage.
 */
package dev.vigil.hub.cli;
