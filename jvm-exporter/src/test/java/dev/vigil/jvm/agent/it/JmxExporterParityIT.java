package dev.vigil.jvm.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same application twice, once with jmx_exporter's javaagent (the real one, 1.0.1) and once
 * with Vigil's: a dashboard built on the first must find every {@code jvm_*} and {@code process_*}
 * family, sample name, label and label value on the second, with the same type and HELP.
 */
class JmxExporterParityIT {
    private static final Pattern SAMPLE_LABEL_NAMES = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

    @TempDir
    Path dir;

    @Test
    void sharedJvmAndProcessFamiliesHaveTheSameNamesTypesHelpAndLabels() throws Exception {
        // jmx_exporter needs a config; this one selects no MBean, leaving its jvm_* and process_* set.
        Path jmxConfig = Files.writeString(dir.resolve("jmx.yaml"), "includeObjectNames: [\"vigil.none:type=None\"]\n");
        Scrape reference = scrapeWith(AgentProcess.JMX_EXPORTER_AGENT_JAR, jmxConfig);
        Scrape vigil = scrapeWith(AgentProcess.AGENT_JAR, null);

        Predicate<String> shared = name -> name.startsWith("jvm_") || name.startsWith("process_");
        Set<String> referenceMeta = metadata(reference, shared);
        assertTrue(referenceMeta.size() > 40, "jmx_exporter's jvm_* set looks too small: " + referenceMeta);
        assertEquals(referenceMeta, metadata(vigil, shared), "HELP and TYPE lines");

        assertEquals(labelNames(reference, shared), labelNames(vigil, shared), "sample names and label names");
        // Label values too (pool, gc, area, state, buffer pool names; the runtime's name and
        // version): both JVMs run the same java with the same flags.
        assertEquals(keys(reference, shared), keys(vigil, shared), "samples");
    }

    private Scrape scrapeWith(Path agentJar, Path config) throws Exception {
        int port = AgentProcess.freePort();
        String args = port + (config == null ? "" : ":" + config);
        try (AgentProcess app = AgentProcess.start(agentJar, args, AgentProcess.probeOnlyClassPath())) {
            app.awaitLine("main-uptime-ms=");
            Scrape.await(app, port);
            // the second scrape: families that appear once something was measured are there
            return Scrape.get(port);
        }
    }

    /** The {@code # HELP} and {@code # TYPE} lines of the selected families. */
    private static Set<String> metadata(Scrape scrape, Predicate<String> selected) {
        return scrape.text().lines()
                .filter(line -> line.startsWith("# HELP ") || line.startsWith("# TYPE "))
                .filter(line -> selected.test(line.split(" ", 4)[2]))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Each selected sample as {@code name{label,names}}. */
    private static Set<String> labelNames(Scrape scrape, Predicate<String> selected) {
        Set<String> out = new TreeSet<>();
        for (String key : keys(scrape, selected)) {
            int brace = key.indexOf('{');
            if (brace < 0) {
                out.add(key);
                continue;
            }
            Matcher m = SAMPLE_LABEL_NAMES.matcher(key.substring(brace));
            StringBuilder names = new StringBuilder(key.substring(0, brace)).append('{');
            while (m.find()) {
                names.append(m.group(1)).append(',');
            }
            out.add(names.append('}').toString());
        }
        return out;
    }

    private static Set<String> keys(Scrape scrape, Predicate<String> selected) {
        return scrape.samples().keySet().stream()
                .filter(key -> selected.test(key.split("\\{", 2)[0]))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
