/**
 * Pure readers of /sys attribute files and directories' contents, one per device class: they take
 * text already read and return records, with no I/O of their own.
 */
package dev.vigil.node.sysfs;
