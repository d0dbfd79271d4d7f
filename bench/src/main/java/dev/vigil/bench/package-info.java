/**
 * Benchmarks and whole-process measurement drivers: JMH benchmarks of the hot paths (exposition,
 * parsing, storage), and the programs the {@code bench/*.sh} scripts run beside the real peers
 * (a simulated fleet of targets, storage and query loaders, an alert-latency client). Nothing here
 * ships; figures go to BENCHMARKS.md with the command that produced them.
 */
package dev.vigil.bench;
