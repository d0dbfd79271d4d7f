/**
 * Container runtimes' metadata: the name, image and labels of the container behind a cgroup,
 * from the Docker Engine API (also Podman's compatible socket) and from containerd's and CRI-O's
 * state files (Kubernetes names from their annotations); systemd units named by their cgroup.
 * Lists are cached and refreshed so thousands of short-lived containers leave nothing behind.
 */
package dev.vigil.container.runtime;
