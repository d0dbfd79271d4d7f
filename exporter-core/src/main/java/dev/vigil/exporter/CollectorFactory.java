package dev.vigil.exporter;

import dev.vigil.exporter.flags.FlagSet;

/**
 * Registers one collector with an exporter: its name, whether it is on by default, its own flags,
 * and how to build it once the flags are parsed (node_exporter's {@code registerCollector}).
 */
public interface CollectorFactory {

    /** The collector's name; also the {@code --collector.<name>} flag. */
    String name();

    /** Whether the collector runs unless {@code --no-collector.<name>} says otherwise. */
    boolean enabledByDefault();

    /** Adds the collector's own option flags, e.g. {@code --collector.filesystem.fs-types-exclude}. */
    default void defineFlags(FlagSet flags) {
    }

    /**
     * Builds the collector after the flags are parsed.
     *
     * @throws IllegalArgumentException for a bad flag value, reported to the user before start
     */
    Collector create(CollectorContext context);
}
