/**
 * System calls the JDK lacks ({@code statfs}, {@code adjtimex}, {@code uname}), through JNA direct
 * mapping, returning plain records. The only package that touches native memory.
 */
package dev.vigil.exporter.syscall;
