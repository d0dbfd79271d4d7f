package dev.vigil.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.exporter.CollectorFactory;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The whole exporter over the fixture trees, every collector on, against one golden /metrics file
 * ({@code src/test/fixtures/e2e-output.txt}). {@code -Dgolden.update=true} rewrites the file; review
 * the diff before committing it.
 */
class GoldenOutputTest {
    private static final Path GOLDEN = Fixtures.ROOT.resolve("e2e-output.txt");

    /** Lines that differ from run to run or host to host: timings, build, the JVM, live syscalls. */
    static final Pattern VOLATILE = Pattern.compile("^(# (HELP|TYPE) )?("
            + "node_scrape_collector_duration_seconds|node_exporter_build_info|process_|promhttp_|jvm_"
            + "|node_time_seconds|node_time_zone_offset_seconds|node_timex_|node_uname_info|node_textfile_mtime_seconds|node_filesystem_(avail|free|size|files)"
            + ")");

    @Test
    void outputOverFixturesMatchesTheGoldenFile() throws Exception {
        List<String> args = new ArrayList<>(Fixtures.pathFlags());
        for (CollectorFactory factory : NodeCollectors.all()) {
            // systemd reads the host's bus, not a file tree; SystemdCollectorTest covers it.
            if (!factory.name().equals("systemd")) {
                args.add("--collector." + factory.name());
            }
        }
        if (NodeCollectors.all().stream().anyMatch(factory -> factory.name().equals("textfile"))) {
            args.add("--collector.textfile.directory=" + Fixtures.textfile());
        }
        String actual = stable(Exporters.vigil(args).text);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, actual);
        }
        assertEquals(Files.exists(GOLDEN) ? Files.readString(GOLDEN) : "", actual,
                "output differs from " + GOLDEN + "; rerun with -Dgolden.update=true to rewrite it, then review the diff");
    }

    static String stable(String text) {
        return text.lines().filter(line -> !VOLATILE.matcher(line).find())
                .map(line -> line.replace(Fixtures.ROOT.toString(), "FIXTURES"))
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
