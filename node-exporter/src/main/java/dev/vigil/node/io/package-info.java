/**
 * File access for the collectors: whole-file reads of kernel files and sorted directory listings.
 * The only place that turns a {@code HostPaths} path into bytes; parsing lives in {@code procfs} and
 * {@code sysfs}.
 */
package dev.vigil.node.io;
