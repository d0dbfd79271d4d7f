package dev.vigil.container.cgroup;

import dev.vigil.exporter.log.Log;

/**
 * Where a parser reports a line it could not use. One malformed line must never cost the rest of
 * the file, so parsers skip it and say why here instead of throwing.
 */
@FunctionalInterface
public interface SkippedLines {

    /** Logs each skipped line at debug level (a kernel format change is not worth a warning per scrape). */
    SkippedLines LOG = new SkippedLines() {
        private final Log log = Log.get(SkippedLines.class);

        @Override
        public void skip(String line, String reason) {
            log.debug("Skipped cgroup file line", "line", line, "reason", reason);
        }
    };

    void skip(String line, String reason);
}
