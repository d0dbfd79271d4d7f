package dev.vigil.hub.web;

import dev.vigil.promql.engine.Engine;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the Prometheus API needs beyond the scrapes and the storage: the query engine, the admin
 * switch and roles, and the facts the status endpoints report.
 *
 * @param engine the PromQL engine
 * @param adminEnabled {@code --web.enable-admin-api}
 * @param roles the admin identities, re-read when the web config changes
 * @param flags every flag and its value, for {@code status/flags}
 * @param configYaml the loaded config, secrets redacted
 * @param runtime the process facts of {@code status/runtimeinfo}
 * @param build the facts of {@code status/buildinfo}
 */
public record ApiSettings(Engine engine, boolean adminEnabled, Supplier<AdminRoles> roles, Map<String, String> flags,
        Supplier<String> configYaml, Supplier<Runtime> runtime, Build build) {

    /** What {@code runtimeinfo} reports that only the process knows. */
    public record Runtime(Instant startTime, boolean reloadConfigSuccess, Instant lastConfigTime,
            String storageRetention) {
    }

    /** Build facts for {@code buildinfo}. */
    public record Build(String version, String revision, String branch, String buildUser, String buildDate) {
    }
}
