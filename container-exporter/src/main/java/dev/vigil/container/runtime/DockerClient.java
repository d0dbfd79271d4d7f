package dev.vigil.container.runtime;

import dev.vigil.container.runtime.RuntimeApiException.Kind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Docker Engine API over its unix socket: the running containers' ids and one container's metadata.
 * Podman's Docker-compatible socket answers the same calls ({@link #podman}).
 */
public final class DockerClient implements RuntimeSource {
    private static final Pattern SAFE_ID = Pattern.compile("[0-9a-zA-Z_.-]+");

    private final UnixHttpClient http;
    private final Runtime runtime;

    public DockerClient(UnixHttpClient http, Runtime runtime) {
        this.http = http;
        this.runtime = runtime;
    }

    /** Docker at {@code socket} (by default {@code <rootfs>/var/run/docker.sock}). */
    public static DockerClient docker(Path socket, Duration timeout) {
        return new DockerClient(new UnixHttpClient(socket, timeout), Runtime.DOCKER);
    }

    /** Podman's compatible API at {@code socket} (by default {@code <rootfs>/run/podman/podman.sock}). */
    public static DockerClient podman(Path socket, Duration timeout) {
        return new DockerClient(new UnixHttpClient(socket, timeout), Runtime.PODMAN);
    }

    @Override
    public Runtime runtime() {
        return runtime;
    }

    public Path socket() {
        return http.socket();
    }

    /** {@code GET /containers/json?all=false}: the ids of the running containers. */
    public Set<String> runningIds() throws RuntimeApiException {
        HttpAnswer answer = http.get("/containers/json?all=false");
        requireOk(answer, "listing containers");
        return DockerAnswers.ids(answer.body());
    }

    /** {@code GET /containers/<id>/json}; empty when the daemon does not know the id (404). */
    public Optional<ContainerMetadata> inspect(String id) throws RuntimeApiException {
        if (!SAFE_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        HttpAnswer answer = http.get("/containers/" + id + "/json");
        if (answer.status() == 404) {
            return Optional.empty();
        }
        requireOk(answer, "inspecting " + id);
        return Optional.of(DockerAnswers.inspect(answer.body(), runtime));
    }

    /** {@code GET /info}: the engine's version, root directory and storage driver (Podman answers it too). */
    @Override
    public Optional<EngineInfo> engine() throws RuntimeApiException {
        HttpAnswer answer = http.get("/info");
        requireOk(answer, "describing itself");
        return Optional.of(DockerAnswers.engine(answer.body()));
    }

    private void requireOk(HttpAnswer answer, String doing) throws RuntimeApiException {
        if (!answer.ok()) {
            String body = answer.bodyText();
            throw new RuntimeApiException(Kind.STATUS, runtime.label() + " answered " + answer.status() + " "
                    + doing + ": " + (body.length() > 200 ? body.substring(0, 200) : body).strip());
        }
    }

    @Override
    public Set<String> liveIds() throws RuntimeApiException {
        return runningIds();
    }

    @Override
    public Optional<ContainerMetadata> lookup(String id) throws RuntimeApiException {
        return inspect(id);
    }
}
