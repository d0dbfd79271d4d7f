package dev.vigil.exporter;

import dev.vigil.exporter.flags.FlagSet;
import dev.vigil.exporter.host.HostPaths;

/** What a collector is built from: the host's filesystem roots and the parsed flags. */
public record CollectorContext(HostPaths paths, FlagSet flags) {
}
