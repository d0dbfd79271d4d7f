package dev.vigil.node.collector;

import static dev.vigil.node.collector.HwmonCollectorTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EdacCollectorTest {

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("edac");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_edac_").assertSame(ours, Exporters.reference(args));
        assertEquals(2.0, ours.families.get("node_edac_csrow_correctable_errors_total").samples
                .get("node_edac_csrow_correctable_errors_total{controller=\"0\",csrow=\"unknown\"}"));
    }

    @Test
    void oddNamesAndValuesMatchNodeExporter(@TempDir Path root) throws Exception {
        Path mc = root.resolve("sys/devices/system/edac/mc");
        controller(mc.resolve("mc10"), " 7 ");
        controller(mc.resolve("mc2abc"), "0");          // matches the glob mc[0-9]*: controller "2"
        write(mc.resolve("mc10/csrow3/ce_count"), "4\n");
        write(mc.resolve("mc10/csrow3/ue_count"), "18446744073709551615\n");
        write(mc.resolve("mc10/csrowX/ce_count"), "x\n"); // not csrow[0-9]*
        write(mc.resolve("mcX/ce_count"), "x\n");         // not mc[0-9]*
        Files.createDirectories(mc.resolve("mc10/dimm0"));
        Parity.of("node_edac_", "node_scrape_collector_success").assertSame(Exporters.vigil(args(root)), Exporters.reference(args(root)));
    }

    @ParameterizedTest
    @CsvSource({"mc0/ce_count, -", "mc0/ue_noinfo_count, -", "mc0/ce_count, 'x'", "mc0/ue_count, '-1'",
        "mc0/csrow0/ue_count, -", "mc0/csrow0/ce_count, '1.5'"})
    void brokenCountsFailTheCollectorAsInNodeExporter(String file, String content, @TempDir Path root) throws Exception {
        Path mc = root.resolve("sys/devices/system/edac/mc");
        controller(mc.resolve("mc0"), "1");
        write(mc.resolve("mc0/csrow0/ce_count"), "1\n");
        write(mc.resolve("mc0/csrow0/ue_count"), "1\n");
        if (content.equals("-")) {
            Files.delete(mc.resolve(file));
        } else {
            write(mc.resolve(file), content + "\n");
        }
        Scrape ours = Exporters.vigil(args(root));
        Parity.of("node_scrape_collector_success").assertSame(ours, Exporters.reference(args(root)));
        assertEquals(0.0, ours.families.get("node_scrape_collector_success").samples
                .get("node_scrape_collector_success{collector=\"edac\"}"));
    }

    @Test
    void noEdacSucceedsWithNothing(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("sys"));
        Parity.of("node_edac_", "node_scrape_collector_success").assertSame(Exporters.vigil(args(root)), Exporters.reference(args(root)));
    }

    private static List<String> args(Path root) {
        return List.of("--path.sysfs=" + root.resolve("sys"), "--collector.disable-defaults", "--collector.edac");
    }

    private static void controller(Path dir, String value) throws Exception {
        for (String file : List.of("ce_count", "ce_noinfo_count", "ue_count", "ue_noinfo_count")) {
            write(dir.resolve(file), value + "\n");
        }
    }
}
