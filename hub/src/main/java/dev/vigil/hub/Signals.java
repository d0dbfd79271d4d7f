package dev.vigil.hub;

import dev.vigil.exporter.log.Log;

/** SIGHUP for reloads, through the JDK's signal support where the platform has it. */
final class Signals {
    private static final Log LOG = Log.get(Signals.class);

    private Signals() {
    }

    /** Runs {@code action} on SIGHUP; returns whether the handler is in place. */
    static boolean onHangup(Runnable action) {
        try {
            sun.misc.SignalHandler previous = sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> action.run());
            if (previous == sun.misc.SignalHandler.SIG_IGN) {
                // A process started with SIGHUP ignored (nohup, some supervisors) keeps it ignored:
                // the JVM leaves such a signal alone, unlike Go's signal.Notify, so Prometheus
                // would reload here and the hub cannot. Say so rather than drop reloads silently.
                LOG.warn("SIGHUP is ignored in this process (started under nohup?), so it will not reload the "
                        + "configuration; use POST /-/reload, or start the hub with SIGHUP at its default");
                return false;
            }
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.warn("SIGHUP reloads are not available here; use POST /-/reload", "err", e.getMessage());
            return false;
        }
    }
}
