package dev.vigil.container.runtime;

/**
 * What a container engine says about itself ({@code GET /info}): its version, for
 * {@code cadvisor_version_info}, and where and how it stores containers' writable layers.
 *
 * @param version {@code ServerVersion} ({@code 20.10.24+dfsg1})
 * @param rootDir {@code DockerRootDir} on the host ({@code /var/lib/docker}); {@code ""} if not told
 * @param storageDriver {@code Driver} ({@code overlay2}, {@code vfs}, {@code btrfs}, ...)
 */
public record EngineInfo(String version, String rootDir, String storageDriver) {
    public EngineInfo {
        version = version == null ? "" : version;
        rootDir = rootDir == null ? "" : rootDir;
        storageDriver = storageDriver == null ? "" : storageDriver;
    }
}
