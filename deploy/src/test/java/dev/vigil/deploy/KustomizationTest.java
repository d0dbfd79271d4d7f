package dev.vigil.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The kustomizations `kubectl apply -k` reads: every resource and generator file they name exists,
 * and every manifest is part of one (so none is silently left out of an apply).
 */
class KustomizationTest {
    static Map<String, Object> kustomization(String dir) {
        return Manifests.load(Manifests.KUBERNETES.resolve(dir).resolve("kustomization.yaml")).get(0).object();
    }

    /** The manifest files a directory's kustomization applies, following ../ resources. */
    static List<Path> applied(Path dir) {
        List<Path> out = new ArrayList<>();
        Map<String, Object> k = Manifests.load(dir.resolve("kustomization.yaml")).get(0).object();
        assertEquals("kustomize.config.k8s.io/v1beta1", k.get("apiVersion"));
        assertEquals("Kustomization", k.get("kind"));
        for (Object r : Yaml.list(k, "resources")) {
            Path p = dir.resolve(String.valueOf(r)).normalize();
            assertTrue(Files.exists(p), dir + ": resource " + r + " does not exist");
            if (Files.isDirectory(p)) {
                out.addAll(applied(p));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    @Test
    void eachModeAppliesEveryManifestOfItsDirectoryAndCommon() throws IOException {
        for (String mode : Manifests.MODES) {
            Path dir = Manifests.KUBERNETES.resolve(mode);
            TreeSet<Path> expected = new TreeSet<>();
            for (Path f : Manifests.manifestFiles()) {
                if (f.getParent().equals(dir) || f.getParent().getFileName().toString().equals("common")) {
                    expected.add(f);
                }
            }
            assertEquals(expected, new TreeSet<>(applied(dir)), mode);
            assertEquals("vigil", kustomization(mode).get("namespace"));
        }
    }

    @Test
    void nativeGeneratesTheSecretsTheManifestsMount() {
        Map<String, Object> k = kustomization("native");
        Map<String, Object> web = Yaml.named(Yaml.list(k, "secretGenerator"), "vigil-exporter-web");
        assertEquals(List.of("web-config.yml", "tls.crt=secrets/tls.crt", "tls.key=secrets/tls.key",
                "token=secrets/token"), Yaml.list(web, "files"));
        assertTrue(Files.exists(Manifests.KUBERNETES.resolve("native/web-config.yml")));
        Map<String, Object> hub = Yaml.named(Yaml.list(k, "secretGenerator"), "vigil-hub-scrape");
        assertEquals(List.of("token=secrets/token"), Yaml.list(hub, "files"));
        assertTrue(Files.isExecutable(Manifests.KUBERNETES.resolve("native/make-secrets.sh")));
    }
}
