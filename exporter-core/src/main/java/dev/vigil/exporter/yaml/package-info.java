/**
 * Strict YAML reading for config files: every value keeps its line, unknown keys and wrong types
 * are errors that name the file, the line and the key ({@link dev.vigil.exporter.yaml.ConfigException}),
 * as Go's {@code yaml.UnmarshalStrict} does for Prometheus' own files. Built on snakeyaml-engine's
 * node tree; values are read by the caller, never bound by reflection.
 */
package dev.vigil.exporter.yaml;
