/**
 * Host-mode integration tests: the packaged exporter ({@code bin/vigil-jvm-exporter}) started as a
 * user starts it, against real JVMs on this host, also inside Docker containers (the engine and
 * the load image come from container-exporter's test harness, {@code DockerSupport}).
 */
package dev.vigil.jvm.host.it;
