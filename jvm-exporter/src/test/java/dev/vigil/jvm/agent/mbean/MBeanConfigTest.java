package dev.vigil.jvm.agent.mbean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.exporter.yaml.YamlFiles;
import java.util.List;
import java.util.Optional;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class MBeanConfigTest {
    private static Optional<MBeanConfig> read(String yaml) throws ConfigException {
        return MBeanConfig.from(YamlFiles.parse("agent.yml", yaml).orElseThrow());
    }

    private static ConfigException error(String yaml) {
        return assertThrows(ConfigException.class, () -> read(yaml));
    }

    @Test
    void noMBeanKeysNoMBeanExport() throws Exception {
        assertEquals(Optional.empty(), read("startDelaySeconds: 1\n"));
    }

    @Test
    void oldAndNewObjectNameKeysAndTheDefaultRule() throws Exception {
        MBeanConfig config = read("whitelistObjectNames: ['java.lang:*']\nexcludeObjectNames: ['java.lang:type=Runtime']\n")
                .orElseThrow();
        assertEquals(List.of(new ObjectName("java.lang:*")), config.includes());
        assertEquals(List.of(new ObjectName("java.lang:type=Runtime")), config.excludes());
        assertEquals(1, config.rules().size(), "no rules key: one rule matching everything");
        assertEquals(null, config.rules().getFirst().pattern());
        assertEquals(0, read("rules: []\n").orElseThrow().rules().size(), "an empty list exports nothing");
    }

    @Test
    void unsupportedJmxExporterKeysAreNamedWithTheirLine() {
        ConfigException e = error("rules: []\nhostPort: 127.0.0.1:1234\n");
        assertEquals(2, e.line());
        assertTrue(e.reason().contains("\"hostPort\" is a jmx_exporter key not supported by the Vigil agent"), e.reason());
        assertTrue(error("excludeObjectNameAttributes: {}\n").reason().contains("not supported by the Vigil agent"));
        assertTrue(error("httpServer:\n  threads: 2\n").reason().contains("not supported by the Vigil agent"));
    }

    @Test
    void badRegexNamesLineAndReason() {
        ConfigException e = error("rules:\n- pattern: 'ok'\n- pattern: 'java.lang<type=(\\w+'\n  name: x\n");
        assertEquals(3, e.line());
        assertTrue(e.reason().startsWith("invalid pattern: Unclosed group"), e.reason());
    }

    @Test
    void ruleMistakesAreErrorsWithTheirLine() {
        assertEquals(3, error("rules:\n- pattern: x\n  nmae: y\n").line());
        assertTrue(error("rules:\n- pattern: x\n  help: y\n").reason().contains("needs a name"));
        assertTrue(error("rules:\n- name: y\n").reason().contains("needs a pattern"));
        assertTrue(error("rules:\n- pattern: x\n  name: y\n  type: SUMMARY\n").reason().contains("GAUGE, COUNTER, UNTYPED"));
        assertTrue(error("rules:\n- pattern: x\n  name: y\n  valueFactor: lots\n").reason().contains("not a number"));
        assertTrue(error("includeObjectNames: ['a:*']\nwhitelistObjectNames: ['b:*']\n").reason().contains("only one"));
        assertTrue(error("includeObjectNames: ['a:type=\"unclosed']\n").reason().contains("not an ObjectName pattern"));
        assertTrue(error("lowercaseOutputName: yes please\n").reason().contains("not a boolean"));
    }
}
