package dev.vigil.jvm.agent;

import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.exporter.yaml.YamlFiles;
import dev.vigil.exporter.yaml.YamlMap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The agent's YAML config: the keys of jmx_exporter's config the agent supports, plus {@code
 * webConfigFile}, an exporter-toolkit web-config file (TLS, mTLS, basic and bearer auth) as the
 * exporters' {@code --web.config.file} takes it.
 *
 * @param startDelay how long to wait before serving ({@code startDelaySeconds}, as jmx_exporter)
 * @param webConfigFile the web-config file, resolved against the config file's directory
 */
public record AgentConfig(Duration startDelay, Optional<Path> webConfigFile) {
    static final Set<String> KEYS = Set.of("startDelaySeconds", "webConfigFile");

    /** No config file: serve at once, plain HTTP, no auth. */
    public static AgentConfig defaults() {
        return new AgentConfig(Duration.ZERO, Optional.empty());
    }

    /** Reads {@code file}; an empty file is the defaults. */
    public static AgentConfig read(Path file) throws ConfigException {
        Optional<YamlMap> yaml = YamlFiles.read(file);
        if (yaml.isEmpty()) {
            return defaults();
        }
        Path dir = file.toAbsolutePath().getParent();
        return from(yaml.get(), dir);
    }

    /** Reads a parsed document; relative paths are taken from {@code dir}. */
    static AgentConfig from(YamlMap yaml, Path dir) throws ConfigException {
        yaml.only(KEYS);
        long delay = yaml.integer("startDelaySeconds").orElse(0L);
        if (delay < 0) {
            throw yaml.error("startDelaySeconds", "must not be negative");
        }
        Optional<Path> web = yaml.string("webConfigFile").map(name -> dir == null ? Path.of(name) : dir.resolve(name));
        return new AgentConfig(Duration.ofSeconds(delay), web);
    }
}
