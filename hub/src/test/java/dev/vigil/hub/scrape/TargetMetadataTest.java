package dev.vigil.hub.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.vigil.model.exposition.ExpositionParser;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetMetadataTest {
    private static void scrape(TargetMetadata md, String text) throws Exception {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ExpositionParser p = ExpositionParser.forContentType(null, b, b.length);
        md.begin();
        ExpositionParser.Entry e;
        while ((e = p.next()) != null) {
            if (e != ExpositionParser.Entry.SERIES && e != ExpositionParser.Entry.COMMENT) {
                md.line(p, e, b.length);
            }
        }
        md.end();
    }

    @Test
    void helpTypeUnitPerFamilyAndUnchangedScrapesKeepTheMap() throws Exception {
        TargetMetadata md = new TargetMetadata();
        String text = "# HELP a_total Requests \\\\ served.\n# TYPE a_total counter\na_total 1\n"
                + "# TYPE b gauge\nb 2\n# HELP c Only help.\nc 3\n";
        scrape(md, text);
        assertEquals(Map.of("a_total", new TargetMetadata.Entry("counter", "Requests \\ served.", ""),
                "b", new TargetMetadata.Entry("gauge", "", ""),
                "c", new TargetMetadata.Entry("unknown", "Only help.", "")), md.current());
        Map<String, TargetMetadata.Entry> first = md.current();
        scrape(md, text.replace("a_total 1", "a_total 2"));
        assertSame(first, md.current(), "same metadata lines: nothing rebuilt");
        scrape(md, "# TYPE b counter\nb 2\n");
        assertEquals(Map.of("b", new TargetMetadata.Entry("counter", "", "")), md.current());
    }
}
