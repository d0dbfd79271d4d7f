/**
 * Finding the host's HotSpot JVMs through their perf data files, agentless and without attaching:
 * {@code <rootfs>/tmp/hsperfdata_<user>/<pid>} for JVMs that share the host's {@code /tmp}, and
 * {@code <procfs>/<pid>/root/tmp/hsperfdata_<user>/<nspid>} for JVMs in containers or with a
 * private {@code /tmp} (the file is named by the PID the JVM sees in its own namespace). Each JVM's
 * region stays mapped between scrapes and is dropped when its process exits; java processes
 * without a readable region are reported with the reason. The small parsers of {@code /proc}
 * text here are pure; {@link dev.vigil.jvm.host.JvmDiscovery} does the file access. Nothing here
 * knows metric names.
 */
package dev.vigil.jvm.host;
