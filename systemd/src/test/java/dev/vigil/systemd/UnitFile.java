package dev.vigil.systemd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit file's settings, section by section, each key with its values in file order (systemd
 * keeps every line of a list-valued key such as {@code EnvironmentFile=}). Comments and blank
 * lines are skipped; line continuations are not supported (our units use none, and a test would
 * then see the broken key).
 */
final class UnitFile {
    private final Map<String, Map<String, List<String>>> sections;

    private UnitFile(Map<String, Map<String, List<String>>> sections) {
        this.sections = sections;
    }

    static UnitFile read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static UnitFile parse(String text) {
        Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1), s -> new LinkedHashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            if (current == null || eq < 0) {
                throw new IllegalArgumentException("not a unit file line: " + raw);
            }
            current.computeIfAbsent(line.substring(0, eq).strip(), k -> new ArrayList<>()).add(line.substring(eq + 1).strip());
        }
        return new UnitFile(sections);
    }

    /** Every value of {@code key} in {@code section}, in file order; empty when the key is absent. */
    List<String> all(String section, String key) {
        return sections.getOrDefault(section, Map.of()).getOrDefault(key, List.of());
    }

    /** The value that wins (systemd: the last assignment), or null when the key is absent. */
    String get(String section, String key) {
        List<String> values = all(section, key);
        return values.isEmpty() ? null : values.getLast();
    }

    /** {@code ExecStart=} split on white space (our command lines quote nothing). */
    List<String> execStart() {
        return List.of(get("Service", "ExecStart").split("\\s+"));
    }

    /** The flags the unit always passes: the command line's words after the binary, before {@code $ARGS}. */
    List<String> fixedFlags() {
        List<String> words = execStart();
        return words.subList(1, words.size()).stream().filter(w -> !w.equals("$ARGS")).toList();
    }
}
