/**
 * The Prometheus text exposition format: a parser with Go's rules and error wording, used by the
 * node exporter's textfile collector and the hub's scraper.
 */
package dev.vigil.model.text;
