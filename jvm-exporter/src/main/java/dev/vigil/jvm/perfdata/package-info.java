/**
 * A pure parser of HotSpot's perf data (the {@code hsperfdata} file every JVM maps under
 * {@code /tmp/hsperfdata_<user>/<pid>} unless {@code -XX:-UsePerfData}): a prologue, then
 * self-describing entries (name, type, units, variability, value). Bytes in, values out: no file
 * handling here, so the same code reads a live mapping, a captured copy or a fuzzed buffer. Bad
 * input raises {@link dev.vigil.jvm.perfdata.MalformedPerfDataException}, never an index error.
 */
package dev.vigil.jvm.perfdata;
