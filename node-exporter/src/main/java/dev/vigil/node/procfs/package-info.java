/**
 * Pure readers of /proc files, one per kernel file: each takes the file's text and returns a record
 * (or a list of them), with no I/O, so tests feed them captured contents from many kernels.
 */
package dev.vigil.node.procfs;
