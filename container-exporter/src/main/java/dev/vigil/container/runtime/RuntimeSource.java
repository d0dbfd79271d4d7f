package dev.vigil.container.runtime;

import java.util.Optional;
import java.util.Set;

/** One place that knows containers of one runtime: an API socket or a state directory. */
public interface RuntimeSource {

    Runtime runtime();

    /** The ids of the containers that exist now; what the resolver's cache may keep. */
    Set<String> liveIds() throws RuntimeApiException;

    /** One container's metadata; empty when this runtime does not know the id. */
    Optional<ContainerMetadata> lookup(String id) throws RuntimeApiException;

    /** What the engine tells about itself (Docker's and Podman's {@code /info}); empty for state-file sources. */
    default Optional<EngineInfo> engine() throws RuntimeApiException {
        return Optional.empty();
    }
}
