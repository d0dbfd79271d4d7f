package dev.vigil.hub.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The budget: every page's assets together under 300 KB compressed. Counted generously:
 * the whole UI (shell, styles, every library and every page, uPlot) as served with gzip, which is
 * more than any one page loads.
 */
class UiAssetsSizeTest {
    static final long BUDGET = 300 * 1024;

    @Test
    void theWholeUiGzippedFitsOnePagesBudget() throws IOException, URISyntaxException {
        StaticAssets assets = new StaticAssets(UiRoutes.RESOURCE_ROOT, getClass().getClassLoader());
        Path root = Path.of(getClass().getClassLoader().getResource(UiRoutes.RESOURCE_ROOT + "/index.html").toURI())
                .getParent();
        List<String> names;
        try (Stream<Path> files = Files.walk(root)) {
            names = files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .filter(StaticAssets::allowed).sorted().toList();
        }
        assertTrue(names.contains("static/vendor/dist/uPlot.iife.min.js"), "uPlot is packaged: " + names);
        long total = 0;
        StringBuilder report = new StringBuilder();
        for (String name : names) {
            StaticAssets.Asset a = assets.get(name).orElseThrow();
            long served = a.gzip() != null ? a.gzip().length : a.bytes().length;
            total += served;
            report.append(String.format("%8d %s%n", served, name));
        }
        report.append(String.format("%8d total (gzip as served)%n", total));
        System.out.print(report);
        assertTrue(total < BUDGET, report.toString());
    }
}
