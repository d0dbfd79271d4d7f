package dev.vigil.container.cgroup;

import dev.vigil.exporter.host.HostPaths;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** The fixture trees under {@code fixtures/cgroup/} and small helpers for expected values. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final OptionalLong NONE = OptionalLong.empty();

    private Fixtures() {
    }

    /** Roots of fixture {@code name}: {@code <name>/proc}, {@code <name>/sys}, rootfs {@code <name>}. */
    static HostPaths paths(String name) {
        Path root = root(name);
        return new HostPaths(root.resolve("proc"), root.resolve("sys"), root, root.resolve("udev"));
    }

    static Path root(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/cgroup/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    static OptionalLong of(long value) {
        return OptionalLong.of(value);
    }

    /** Collects what a parser skipped, as "reason" strings. */
    static final class Skips implements SkippedLines {
        final List<String> lines = new ArrayList<>();
        final List<String> reasons = new ArrayList<>();

        @Override
        public void skip(String line, String reason) {
            lines.add(line);
            reasons.add(reason);
        }
    }
}
