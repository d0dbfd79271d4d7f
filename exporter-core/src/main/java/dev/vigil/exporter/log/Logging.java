package dev.vigil.exporter.log;

import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/** Sets up java.util.logging from {@code --log.level} and {@code --log.format}. */
public final class Logging {
    /** Held strongly: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
    private static final Logger HELIDON = Logger.getLogger("io.helidon");

    private Logging() {
    }

    /**
     * Routes every record at {@code level} or above to {@code out}, one line each.
     *
     * @param level debug, info, warn or error
     * @param format logfmt or json
     */
    public static void configure(String level, String format, PrintStream out) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Level julLevel = toLevel(level);
        root.setLevel(julLevel);
        Handler handler = new StreamHandler(out, new LineFormatter("json".equals(format))) {
            @Override
            public synchronized void publish(java.util.logging.LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        handler.setLevel(julLevel);
        root.addHandler(handler);
        // Helidon announces its feature list and version at info level; that is not ours to say.
        if (julLevel.intValue() > Level.FINE.intValue()) {
            HELIDON.setLevel(Level.WARNING);
        }
    }

    static Level toLevel(String level) {
        return switch (level) {
            case "debug" -> Level.FINE;
            case "info" -> Level.INFO;
            case "warn" -> Level.WARNING;
            case "error" -> Level.SEVERE;
            default -> throw new IllegalArgumentException("unknown log level " + level);
        };
    }
}
