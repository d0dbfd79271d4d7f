package dev.vigil.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The YAML documents under deploy/kubernetes, parsed with snakeyaml-engine into maps and lists
 * (what kubectl would send as JSON). Kubernetes objects live in {@code *.yaml} files;
 * {@code kustomization.yaml} is kustomize's, and {@code *.yml} files are payloads (web-config).
 */
final class Manifests {
    /** One object: the file it is in, its index there, and its content. */
    record Doc(Path file, int index, Map<String, Object> object) {
        String kind() {
            return (String) object.get("kind");
        }

        String name() {
            return (String) Yaml.map(object, "metadata").get("name");
        }

        /** The security mode directory it belongs to: native, kube-rbac-proxy or common. */
        String mode() {
            return file.getParent().getFileName().toString();
        }

        @Override
        public String toString() {
            return KUBERNETES.relativize(file) + "#" + index + " " + kind() + "/" + name();
        }
    }

    static final Path MODULE = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    static final Path REPO = MODULE.getParent();
    static final Path KUBERNETES = MODULE.resolve("kubernetes");
    static final List<String> MODES = List.of("native", "kube-rbac-proxy");
    static final List<String> EXPORTERS = List.of("node-exporter", "container-exporter", "jvm-exporter");

    private Manifests() {
    }

    /** Every Kubernetes object in every manifest file, in file order. */
    static List<Doc> all() {
        List<Doc> out = new ArrayList<>();
        for (Path file : manifestFiles()) {
            out.addAll(load(file));
        }
        return out;
    }

    static List<Path> manifestFiles() {
        try (Stream<Path> files = Files.walk(KUBERNETES)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Doc> load(Path file) {
        List<Doc> out = new ArrayList<>();
        int index = 0;
        try {
            for (Object o : new Load(LoadSettings.builder().setLabel(file.toString()).build())
                    .loadAllFromString(Files.readString(file))) {
                if (o != null) {
                    out.add(new Doc(file, index, (Map<String, Object>) o));
                }
                index++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The object of {@code kind} named {@code name} in a mode's directory or in common/. */
    static Doc get(String mode, String kind, String name) {
        return all().stream()
                .filter(d -> d.mode().equals(mode) || d.mode().equals("common"))
                .filter(d -> d.kind().equals(kind) && d.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " for mode " + mode));
    }

    /** The DaemonSet of an exporter ("node-exporter") in a mode. */
    static Doc daemonSet(String mode, String exporter) {
        return get(mode, "DaemonSet", "vigil-" + exporter);
    }

    /** The DaemonSets of every mode. */
    static List<Doc> daemonSets() {
        return all().stream().filter(d -> d.kind().equals("DaemonSet")).toList();
    }
}
