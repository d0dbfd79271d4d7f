package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.SysfsFiles;
import dev.vigil.node.sysfs.Edac;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Correctable and uncorrectable memory error counts per EDAC memory controller and chip-select row
 * from {@code /sys/devices/system/edac/mc}. Errors the driver cannot place on a row are counted on
 * {@code csrow="unknown"}. A host without EDAC reports nothing and succeeds, as in node_exporter.
 */
public final class EdacCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("edac", true, context -> new EdacCollector(context.paths()));

    private static final Desc CE = Desc.counter("node_edac_correctable_errors_total",
            "Total correctable memory errors.", "controller");
    private static final Desc UE = Desc.counter("node_edac_uncorrectable_errors_total",
            "Total uncorrectable memory errors.", "controller");
    private static final Desc CSROW_CE = Desc.counter("node_edac_csrow_correctable_errors_total",
            "Total correctable memory errors for this csrow.", "controller", "csrow");
    private static final Desc CSROW_UE = Desc.counter("node_edac_csrow_uncorrectable_errors_total",
            "Total uncorrectable memory errors for this csrow.", "controller", "csrow");

    private final HostPaths paths;

    public EdacCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "edac";
    }

    private record Sample(Desc desc, double value, String[] labels) {
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path mc = paths.sys("devices", "system", "edac", "mc");
        List<String> entries;
        try {
            entries = SysfsFiles.list(mc);
        } catch (NoSuchFileException e) {
            return; // node_exporter globs: no EDAC, no controllers
        }
        List<Sample> samples = new ArrayList<>();
        for (String entry : Edac.numbered(entries, "mc")) {
            Path controller = mc.resolve(entry);
            String number = Edac.number(entry, "mc");
            samples.add(new Sample(CE, count(controller, "ce_count", "controller " + number), new String[] {number}));
            samples.add(new Sample(CSROW_CE, count(controller, "ce_noinfo_count", "controller " + number),
                    new String[] {number, "unknown"}));
            samples.add(new Sample(UE, count(controller, "ue_count", "controller " + number), new String[] {number}));
            samples.add(new Sample(CSROW_UE, count(controller, "ue_noinfo_count", "controller " + number),
                    new String[] {number, "unknown"}));
            List<String> rows;
            try {
                rows = Edac.numbered(SysfsFiles.list(controller), "csrow");
            } catch (NoSuchFileException e) {
                rows = List.of();
            }
            for (String row : rows) {
                String csrow = Edac.number(row, "csrow");
                String where = "controller/csrow " + number + "/" + csrow;
                samples.add(new Sample(CSROW_CE, count(controller.resolve(row), "ce_count", where),
                        new String[] {number, csrow}));
                samples.add(new Sample(CSROW_UE, count(controller.resolve(row), "ue_count", where),
                        new String[] {number, csrow}));
            }
        }
        for (Sample sample : samples) {
            sink.add(sample.desc(), sample.value(), sample.labels());
        }
    }

    private static double count(Path dir, String file, String where) throws IOException {
        try {
            return Edac.count(SysfsFiles.read(dir.resolve(file)));
        } catch (IOException | NumberFormatException e) {
            throw new IOException("couldn't get " + file + " for " + where + ": " + e.getMessage(), e);
        }
    }
}
