package dev.vigil.node.collector;

import dev.vigil.node.testing.Fixtures;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Helpers for the storage collectors' tests: command lines with other roots, collector success. */
final class StorageTesting {
    private StorageTesting() {
    }

    /** Flags for one collector with the given procfs and sysfs roots (null: the fixture's). */
    static List<String> args(String collector, Path procfs, Path sysfs, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--path.procfs=" + (procfs == null ? Fixtures.proc() : procfs),
                "--path.sysfs=" + (sysfs == null ? Fixtures.sys() : sysfs),
                "--path.udev.data=" + Fixtures.udev(), "--path.rootfs=" + Fixtures.rootfs(),
                "--collector.disable-defaults", "--collector." + collector));
        args.addAll(List.of(extra));
        return args;
    }

    /** {@code node_scrape_collector_success} of the scrape's only collector. */
    static double success(Scrape scrape) {
        return scrape.families.get("node_scrape_collector_success").samples.values().iterator().next();
    }
}
