package dev.vigil.hub.discovery;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where kubernetes_sd finds its in-cluster config when no {@code api_server} is given: the
 * {@code KUBERNETES_SERVICE_HOST} and {@code KUBERNETES_SERVICE_PORT} environment variables, and
 * the service account directory holding {@code token}, {@code ca.crt} and {@code namespace}.
 * Tests pass their own; the hub uses {@link #system()}.
 */
public record KubernetesEnvironment(Map<String, String> env, Path serviceAccountDir) {
    /** The directory Kubernetes mounts a pod's service account into. */
    public static final Path SERVICE_ACCOUNT_DIR = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

    /** The process' environment and the standard service account directory. */
    public static KubernetesEnvironment system() {
        return new KubernetesEnvironment(System.getenv(), SERVICE_ACCOUNT_DIR);
    }
}
