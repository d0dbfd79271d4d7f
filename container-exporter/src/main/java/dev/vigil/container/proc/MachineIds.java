package dev.vigil.container.proc;

/**
 * The base labels cAdvisor puts on every {@code machine_*} sample but {@code machine_scrape_error}:
 * {@code boot_id}, {@code machine_id}, {@code system_uuid}. Each is trimmed, and empty when its
 * file is absent or unreadable (cAdvisor logs and uses "" too).
 */
public record MachineIds(String bootId, String machineId, String systemUuid) {
}
