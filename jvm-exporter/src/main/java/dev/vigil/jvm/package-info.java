/**
 * The JVM exporter: {@code vigil-jvm-exporter} (host mode, every HotSpot JVM on the machine read
 * from its hsperfdata file) and the collectors the node exporter can host.
 */
package dev.vigil.jvm;
