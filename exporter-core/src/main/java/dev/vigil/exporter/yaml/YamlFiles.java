package dev.vigil.exporter.yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads a YAML file (or text) into a {@link YamlMap}, turning every failure into a {@link ConfigException}. */
public final class YamlFiles {
    /** Config files are small; a larger one is a mistake, not a config. */
    private static final int MAX_BYTES = 4 << 20;

    private YamlFiles() {
    }

    /** Reads {@code file}; an empty document yields an empty result. */
    public static Optional<YamlMap> read(Path file) throws ConfigException {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigException(name, 0, "file is larger than " + (MAX_BYTES >> 20) + " MiB");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, 0, "no such file");
        } catch (IOException e) {
            throw new ConfigException(name, 0, "cannot read: " + e.getMessage(), e);
        }
        return parse(name, new String(bytes, StandardCharsets.UTF_8));
    }

    /** Parses {@code text}, naming it {@code name} in errors. */
    public static Optional<YamlMap> parse(String name, String text) throws ConfigException {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(name)
                .setAllowDuplicateKeys(true) // YamlMap reports duplicates itself, with the line
                .setMaxAliasesForCollections(50)
                .build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(mark -> mark.getLine() + 1).orElse(0);
            throw new ConfigException(name, line, "invalid YAML: " + e.getProblem(), e);
        } catch (YamlEngineException e) {
            throw new ConfigException(name, 0, "invalid YAML: " + e.getMessage(), e);
        }
        if (root.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new YamlMap(name, "", root.get()));
    }
}
