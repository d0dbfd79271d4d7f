package dev.vigil.container.runtime;

import dev.vigil.exporter.flags.Flag;
import dev.vigil.exporter.flags.FlagSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The runtime metadata flags, defined on the exporter's {@link FlagSet} and read into {@link RuntimeOptions}. */
public final class RuntimeFlags {
    private final Flag<String> dockerSocket;
    private final Flag<String> podmanSocket;
    private final Flag<Duration> timeout;
    private final Flag<Duration> refresh;
    private final Flag<List<String>> disable;
    private final Flag<Boolean> storeLabels;
    private final Flag<List<String>> whitelistedLabels;

    private RuntimeFlags(FlagSet flags) {
        dockerSocket = flags.string("runtime.docker.socket",
                "Docker Engine API socket (default: <rootfs>/var/run/docker.sock).", "");
        podmanSocket = flags.string("runtime.podman.socket",
                "Podman's Docker-compatible API socket (default: <rootfs>/run/podman/podman.sock).", "");
        timeout = flags.duration("runtime.timeout",
                "How long one call to a runtime may take before the scrape goes on without it.",
                RuntimeOptions.DEFAULT_TIMEOUT);
        refresh = flags.duration("runtime.refresh-interval",
                "How often the lists of running containers are refreshed (and gone containers forgotten).",
                RuntimeOptions.DEFAULT_REFRESH);
        disable = flags.strings("runtime.disable",
                "A runtime not to ask for names: docker, podman, containerd or crio (repeatable).", List.of());
        storeLabels = flags.bool("store_container_labels",
                "Export every runtime label as container_label_*; when false only the allow-list (cAdvisor's flag).",
                true);
        whitelistedLabels = flags.strings("whitelisted_container_labels",
                "Comma-separated runtime labels exported when --no-store_container_labels (cAdvisor's flag).",
                List.of());
    }

    public static RuntimeFlags define(FlagSet flags) {
        return new RuntimeFlags(flags);
    }

    /** @throws IllegalArgumentException for an unknown runtime name or a non-positive timeout */
    public RuntimeOptions options() {
        Set<Runtime> disabled = EnumSet.noneOf(Runtime.class);
        for (String name : disable.get()) {
            for (String part : name.split(",")) {
                if (!part.isBlank()) {
                    disabled.add(runtimeNamed(part.strip()));
                }
            }
        }
        return new RuntimeOptions(path(dockerSocket.get()), path(podmanSocket.get()), timeout.get(), refresh.get(),
                disabled, ContainerLabels.Policy.fromFlags(storeLabels.get(), whitelistedLabels.get()));
    }

    private static Optional<Path> path(String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(Path.of(value.strip()));
    }

    private static Runtime runtimeNamed(String name) {
        Runtime runtime;
        try {
            runtime = Runtime.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            runtime = null;
        }
        if (runtime == null || runtime == Runtime.SYSTEMD || runtime == Runtime.RAW) {
            throw new IllegalArgumentException("--runtime.disable: unknown runtime '" + name
                    + "' (one of docker, podman, containerd, crio)");
        }
        return runtime;
    }
}
