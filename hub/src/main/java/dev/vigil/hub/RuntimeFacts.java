package dev.vigil.hub;

import dev.vigil.exporter.flags.Flag;
import dev.vigil.hub.web.ApiSettings;
import dev.vigil.hub.web.ConfigYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the status API reports about this process: start time, the last reload's outcome and time,
 * the loaded config's text (secrets redacted, read when it loaded) and the flags.
 */
final class RuntimeFacts {
    private final String configFile;
    private final String retention;
    private final Instant start = Instant.now();
    private volatile Instant lastConfigTime = start;
    private volatile boolean reloadSuccess = true;
    private volatile String configYaml;

    RuntimeFacts(String configFile, String retentionTime, String retentionSize) {
        this.configFile = configFile;
        // as Prometheus words it: "15d", or "15d or 10GB" with a size limit too
        this.retention = retentionSize.equals("0") ? retentionTime : retentionTime + " or " + retentionSize;
        this.configYaml = read();
    }

    /** Records a reload's outcome (null: success) and passes it on. */
    String reloaded(String error) {
        reloadSuccess = error == null;
        if (error == null) {
            lastConfigTime = Instant.now();
            configYaml = read();
        }
        return error;
    }

    String configYaml() {
        return configYaml;
    }

    ApiSettings.Runtime runtime() {
        return new ApiSettings.Runtime(start, reloadSuccess, lastConfigTime, retention);
    }

    private String read() {
        if (configFile.isEmpty()) {
            return "";
        }
        try {
            return ConfigYaml.redacted(Files.readString(Path.of(configFile)));
        } catch (IOException e) {
            return "";
        }
    }

    /** Every flag's name and value as {@code status/flags} lists them (lists joined by commas). */
    static Map<String, String> flags(List<Flag<?>> flags) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Flag<?> flag : flags) {
            Object value = flag.get();
            out.put(flag.name(), value instanceof List<?> list
                    ? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(value));
        }
        return out;
    }
}
