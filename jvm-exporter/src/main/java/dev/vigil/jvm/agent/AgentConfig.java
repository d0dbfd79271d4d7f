package dev.vigil.jvm.agent;

import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.exporter.yaml.YamlFiles;
import dev.vigil.exporter.yaml.YamlMap;
import dev.vigil.jvm.agent.mbean.MBeanConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The agent's YAML config: the keys of jmx_exporter's config the agent supports, plus {@code
 * webConfigFile}, an exporter-toolkit web-config file (TLS, mTLS, basic and bearer auth) as the
 * exporters' {@code --web.config.file} takes it.
 *
 * <p>jmx_exporter's MBean keys ({@code rules}, {@code includeObjectNames}, {@code excludeObjectNames},
 * their old names {@code whitelistObjectNames}/{@code blacklistObjectNames}, {@code lowercaseOutputName},
 * {@code lowercaseOutputLabelNames}) are read by {@link MBeanConfig}; a config with any of them exports
 * MBean attributes beside the {@code jvm_*} set (with none of them, or no config file, only the
 * {@code jvm_*} set). jmx_exporter keys the agent does not support ({@code hostPort}, {@code jmxUrl},
 * {@code ssl}, {@code httpServer}, ...) and unknown keys are errors naming the file and line.
 *
 * @param startDelay how long to wait before serving ({@code startDelaySeconds}, as jmx_exporter)
 * @param webConfigFile the web-config file, resolved against the config file's directory
 * @param mbeans the MBean export, if the config asks for one
 */
public record AgentConfig(Duration startDelay, Optional<Path> webConfigFile, Optional<MBeanConfig> mbeans) {
    static final Set<String> KEYS = keys();

    /** No config file: serve at once, plain HTTP, no auth, the jvm_* set only. */
    public static AgentConfig defaults() {
        return new AgentConfig(Duration.ZERO, Optional.empty(), Optional.empty());
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
        Optional<MBeanConfig> mbeans = MBeanConfig.from(yaml); // first: it names unsupported jmx_exporter keys
        yaml.only(KEYS);
        long delay = yaml.integer("startDelaySeconds").orElse(0L);
        if (delay < 0) {
            throw yaml.error("startDelaySeconds", "must not be negative");
        }
        Optional<Path> web = yaml.string("webConfigFile").map(name -> dir == null ? Path.of(name) : dir.resolve(name));
        return new AgentConfig(Duration.ofSeconds(delay), web, mbeans);
    }

    private static Set<String> keys() {
        Set<String> keys = new HashSet<>(Set.of("startDelaySeconds", "webConfigFile"));
        keys.addAll(MBeanConfig.KEYS);
        return Set.copyOf(keys);
    }
}
