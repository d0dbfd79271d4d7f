package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Fixtures;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextfileCollectorTest {
    /** Everything the textfile collector sends: the files' own families and node_textfile_*. */
    private static final Parity ALL = Parity.of("");

    private static List<String> args(Path directory) {
        return Args.fixtureCollector("textfile", "--collector.textfile.directory=" + directory);
    }

    private static Parity onlyFileFamilies() {
        return ALL.skip(name -> name.startsWith("node_scrape_") || name.startsWith("node_exporter")
                || name.startsWith("go_") || name.startsWith("process_") || name.startsWith("promhttp_")
                || name.startsWith("jvm_"));
    }

    @Test
    void fixtureDirectoryMatchesNodeExporter() throws Exception {
        List<String> args = args(Fixtures.textfile());
        Scrape ours = Exporters.vigil(args);
        onlyFileFamilies().assertSame(ours, Exporters.reference(args));
        assertEquals(0.0, ours.families.get("node_textfile_scrape_error").samples.get("node_textfile_scrape_error"));
        assertEquals("Metric read from " + Fixtures.textfile().resolve("metrics.prom"),
                ours.families.get("apt_upgrades_pending").help);
        assertEquals(2, ours.families.get("node_textfile_mtime_seconds").samples.size(), "README.txt is not a .prom file");
    }

    @Test
    void missingLabelsEscapesAndSpecialValuesMatchNodeExporter() throws Exception {
        List<String> args = args(Fixtures.ROOT.resolve("textfile-cases/missing-labels"));
        Scrape ours = Exporters.vigil(args);
        onlyFileFamilies().assertSame(ours, Exporters.reference(args));
        assertEquals(3.0, ours.families.get("partial_labels").samples.get("partial_labels{a=\"\",b=\"\"}"));
    }

    @Test
    void histogramsAndSummariesMatchNodeExporter() throws Exception {
        List<String> args = args(Fixtures.ROOT.resolve("textfile-cases/distributions"));
        Scrape ours = Exporters.vigil(args);
        onlyFileFamilies().assertSame(ours, Exporters.reference(args));
        assertEquals("histogram", ours.families.get("job_duration_seconds").type);
        assertEquals(7.0, ours.families.get("job_duration_seconds").samples
                .get("job_duration_seconds_bucket{job=\"backup\",le=\"60.0\"}"));
    }

    @Test
    void globOfDirectoriesMatchesNodeExporter() throws Exception {
        List<String> args = args(Fixtures.ROOT.resolve("textfile-cases/glob/*"));
        Scrape ours = Exporters.vigil(args);
        onlyFileFamilies().assertSame(ours, Exporters.reference(args));
        assertEquals(2, ours.families.get("glob_metric").samples.size());
    }

    @Test
    void fileWithTimestampsIsRejectedWhole() throws Exception {
        List<String> args = args(Fixtures.ROOT.resolve("textfile-cases/timestamps"));
        Scrape ours = Exporters.vigil(args);
        onlyFileFamilies().assertSame(ours, Exporters.reference(args));
        assertNull(ours.families.get("city_pm25"));
        assertEquals(1.0, ours.families.get("node_textfile_scrape_error").samples.get("node_textfile_scrape_error"));
        assertEquals(1.0, ours.families.get("city_ok").samples.get("city_ok"));
    }

    @Test
    void syntaxErrorRejectsTheFileAndKeepsTheOthers() throws Exception {
        List<String> args = args(Fixtures.ROOT.resolve("textfile-cases/bad-syntax"));
        Scrape ours = Exporters.vigil(args);
        onlyFileFamilies().assertSame(ours, Exporters.reference(args));
        assertNull(ours.families.get("ok_metric"), "nothing of a broken file is kept");
        assertEquals(1.0, ours.families.get("good_metric").samples.get("good_metric"));
    }

    @Test
    void conflictingTypesRejectTheLaterFileWithAnError() throws Exception {
        Scrape ours = Exporters.vigil(args(Fixtures.ROOT.resolve("textfile-cases/conflict")));
        assertEquals(1.0, ours.families.get("node_textfile_scrape_error").samples.get("node_textfile_scrape_error"));
        assertEquals(1, ours.families.get("queue_depth").samples.size());
        assertEquals("gauge", ours.families.get("queue_depth").type);
        assertTrue(ours.families.get("node_textfile_mtime_seconds").samples.keySet().stream()
                .anyMatch(key -> key.contains("a.prom")));
        assertFalse(ours.families.get("node_textfile_mtime_seconds").samples.keySet().stream()
                .anyMatch(key -> key.contains("b.prom")), "a rejected file has no mtime");
    }

    @Test
    void missingDirectoryIsAnError() throws Exception {
        List<String> args = args(Fixtures.ROOT.resolve("no-such-directory"));
        Scrape ours = Exporters.vigil(args);
        onlyFileFamilies().assertSame(ours, Exporters.reference(args));
        assertEquals(1.0, ours.families.get("node_textfile_scrape_error").samples.get("node_textfile_scrape_error"));
    }
}
