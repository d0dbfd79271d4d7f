/**
 * The {@code jvm} collector of host mode: client_java's {@code jvm_*} and {@code process_*} names
 * for every JVM {@link dev.vigil.jvm.host.JvmDiscovery} finds, read from perf data counters
 * (HotSpot's names mapped to the MXBeans' collector and pool names) and from procfs, each series
 * labelled with the JVM's pid, main class or jar, container and user.
 */
package dev.vigil.jvm.collector;
