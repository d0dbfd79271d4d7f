package dev.vigil.container.runtime;

import dev.vigil.container.runtime.RuntimeApiException.Kind;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The Docker Engine API's answers (also Podman's compatible API) turned into our types; pure functions
 * over the response bodies of {@code GET /containers/json} and {@code GET /containers/<id>/json}.
 */
final class DockerAnswers {
    /** Go's zero time, which Docker writes for "never" (e.g. StartedAt of a created-only container). */
    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private DockerAnswers() {
    }

    /** The ids in a container list (an array of ContainerSummary objects). */
    static Set<String> ids(byte[] listBody) throws RuntimeApiException {
        Object root = Json.read(listBody);
        if (!(root instanceof List<?>)) {
            throw new RuntimeApiException(Kind.BAD_JSON, "a container list is not a JSON array");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Object entry : Json.list(root)) {
            Json.string(entry, "Id").ifPresent(ids::add);
        }
        return ids;
    }

    /** One container's inspect answer (ContainerInspectResponse) as metadata of {@code runtime}. */
    /** The engine facts of an {@code /info} answer. */
    static EngineInfo engine(byte[] infoBody) throws RuntimeApiException {
        Object root = Json.read(infoBody);
        return new EngineInfo(Json.string(root, "ServerVersion").orElse(""), Json.string(root, "DockerRootDir").orElse(""),
                Json.string(root, "Driver").orElse(""));
    }

    static ContainerMetadata inspect(byte[] inspectBody, Runtime runtime) throws RuntimeApiException {
        Object root = Json.read(inspectBody);
        String id = Json.string(root, "Id").orElseThrow(
                () -> new RuntimeApiException(Kind.BAD_JSON, "an inspect answer without Id"));
        String name = Json.string(root, "Name").orElse("");
        if (name.startsWith("/")) {
            name = name.substring(1);
        }
        Map<String, String> labels = new LinkedHashMap<>(Json.stringMap(root, "Config", "Labels"));
        long restarts = Json.number(root, "RestartCount").orElse(0L);
        if (restarts > 0) {
            labels.put("restartcount", Long.toString(restarts)); // as cAdvisor's Docker handler adds it
        }
        long pid = Json.number(root, "State", "Pid").orElse(0L);
        String networkMode = Json.string(root, "HostConfig", "NetworkMode").orElse("");
        return new ContainerMetadata(
                id,
                runtime,
                name,
                Json.string(root, "Config", "Image").orElse(""),
                labels,
                KubernetesLabels.fromLabels(labels),
                pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty(),
                time(Json.string(root, "Created")),
                time(Json.string(root, "State", "StartedAt")),
                !networkMode.startsWith("container:"),
                Json.string(root, "State", "Health", "Status").filter(s -> !s.isEmpty() && !s.equals("none")));
    }

    /** An RFC 3339 time with optional fraction; Go's zero time and garbage are "unknown". */
    static Optional<Instant> time(Optional<String> text) {
        if (text.isEmpty() || text.get().isEmpty()) {
            return Optional.empty();
        }
        try {
            Instant instant = OffsetDateTime.parse(text.get()).toInstant();
            return instant.equals(GO_ZERO_TIME) || instant.isBefore(Instant.EPOCH) ? Optional.empty()
                    : Optional.of(instant);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
