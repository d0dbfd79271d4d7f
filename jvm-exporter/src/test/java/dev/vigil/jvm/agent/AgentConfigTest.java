package dev.vigil.jvm.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.yaml.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {
    @TempDir
    Path dir;

    private AgentConfig read(String yaml) throws Exception {
        Path file = dir.resolve("agent.yml");
        Files.writeString(file, yaml);
        return AgentConfig.read(file);
    }

    @Test
    void emptyFileIsTheDefaults() throws Exception {
        assertEquals(AgentConfig.defaults(), read(""));
    }

    @Test
    void readsDelayAndResolvesWebConfigNextToTheFile() throws Exception {
        AgentConfig config = read("startDelaySeconds: 3\nwebConfigFile: web.yml\n");
        assertEquals(Duration.ofSeconds(3), config.startDelay());
        assertEquals(Optional.of(dir.toAbsolutePath().resolve("web.yml")), config.webConfigFile());
    }

    @Test
    void absoluteWebConfigStays() throws Exception {
        assertEquals(Optional.of(Path.of("/etc/vigil/web.yml")),
                read("webConfigFile: /etc/vigil/web.yml\n").webConfigFile());
    }

    @Test
    void unknownKeyNamesKeyAndLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> read("startDelaySeconds: 1\nhostPort: x:1\n"));
        assertEquals(2, e.line());
        assertTrue(e.reason().contains("hostPort"), e.reason());
    }

    @Test
    void negativeOrNonNumericDelayIsRejected() {
        assertThrows(ConfigException.class, () -> read("startDelaySeconds: -1\n"));
        ConfigException e = assertThrows(ConfigException.class, () -> read("startDelaySeconds: soon\n"));
        assertTrue(e.reason().contains("soon"), e.reason());
    }

    @Test
    void mbeanKeysTurnTheMBeanExportOnAndMistakesNameFileAndLine() throws Exception {
        assertTrue(read("startDelaySeconds: 0\n").mbeans().isEmpty(), "no MBean key: the jvm_* set only");
        assertTrue(read("rules:\n- pattern: '.*'\n").mbeans().isPresent());
        Path file = dir.resolve("agent.yml");
        ConfigException unknown = assertThrows(ConfigException.class, () -> read("rules:\n- pattern: x\n  nmae: y\n"));
        assertEquals(file + ":3: unknown key \"nmae\" in rules[0]", unknown.getMessage());
        ConfigException regex = assertThrows(ConfigException.class, () -> read("rules:\n- pattern: 'a(b'\n"));
        assertTrue(regex.getMessage().startsWith(file + ":2: invalid pattern: Unclosed group"), regex.getMessage());
        ConfigException unsupported = assertThrows(ConfigException.class, () -> read("rules: []\njmxUrl: x\n"));
        assertTrue(unsupported.getMessage().startsWith(file + ":2: \"jmxUrl\" is a jmx_exporter key not supported by the Vigil agent"),
                unsupported.getMessage());
    }

    @Test
    void missingFileIsAConfigError() {
        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfig.read(dir.resolve("nope.yml")));
        assertEquals("no such file", e.reason());
    }
}
