/**
 * Reliability runs against the real hub process ({@code bin/vigil-hub}, started as a user starts
 * it): {@code kill -9} cycles under ingest, a damaged WAL and a full disk, a fleet of misbehaving
 * targets, and heavy concurrent queries while it scrapes. Each is a failsafe {@code *IT}, bounded in
 * time, sending traffic to loopback only, and ends with one {@code RELIABILITY ...} summary line
 * (also written to {@code target/reliability/<name>.txt}). The helpers here ({@link
 * dev.vigil.bench.reliability.HubProcess}, {@link dev.vigil.bench.reliability.TargetFarm}, {@link
 * dev.vigil.bench.reliability.RemoteWriter}) serve these tests only; nothing here is shipped.
 */
package dev.vigil.bench.reliability;
