/**
 * Container runtimes' metadata: the name, image and labels of the container behind a cgroup,
 * from the Docker Engine API (also Podman's compatible socket) and from containerd's and CRI-O's
 * state files (Kubernetes names from their annotations); systemd units named by their cgroup.
 * Lists are cached and refreshed so thousands of short-lived containers leave nothing behind.
 *
 * <p>Entry points: {@link dev.vigil.container.runtime.ContainerId#fromCgroup} (pure: which runtime and
 * id a cgroup path names), {@link dev.vigil.container.runtime.MetadataResolver#resolve} (cgroup path to
 * {@link dev.vigil.container.runtime.ContainerMetadata}, cached), built from
 * {@link dev.vigil.container.runtime.RuntimeFlags}/{@link dev.vigil.container.runtime.RuntimeOptions};
 * {@link dev.vigil.container.runtime.ContainerLabels} turns runtime labels into {@code container_label_*}.
 * Parsers ({@code HttpResponses}, {@code DockerAnswers}, {@code OciConfig}, the state readers'
 * {@code metadata} functions) are pure; the socket client and file readers around them do the I/O.
 */
package dev.vigil.container.runtime;
