/**
 * Test support for integration tests against a real Docker engine: {@link
 * dev.vigil.container.docker.DockerSupport} checks the engine, builds the load image
 * ({@code src/test/docker/build-test-image.sh}) and runs containers ({@link
 * dev.vigil.container.docker.ContainerSpec}) whose cgroups, {@code /proc} entries and Docker's own
 * stats ({@link dev.vigil.container.docker.RunningContainer}) the collector tests compare against.
 * {@link dev.vigil.container.docker.CgroupMounts} maps a {@code /proc/<pid>/cgroup} path to its
 * directory on the mounted hierarchies; {@link dev.vigil.container.docker.Json} reads the Engine
 * API's answers.
 */
package dev.vigil.container.docker;
