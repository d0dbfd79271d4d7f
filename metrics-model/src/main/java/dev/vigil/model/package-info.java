/**
 * The vocabulary every Vigil module shares: metric types and the Prometheus naming rules for
 * metric and label names. Nothing here does I/O or depends on another Vigil module; the exporters
 * and the hub both build on it.
 */
package dev.vigil.model;
