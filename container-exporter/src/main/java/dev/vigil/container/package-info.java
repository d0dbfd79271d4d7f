/**
 * {@code vigil-container-exporter}: cAdvisor-compatible container and systemd-unit metrics read
 * from cgroups v1, v2 and hybrid hierarchies, named through the container runtimes' metadata.
 * Standalone on :9101, or hosted by the node exporter with {@code --collector.container}.
 */
package dev.vigil.container;
