package dev.vigil.exporter.log;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A small key/value logger: {@code log.info("Listening on", "address", "[::]:9100")}. Values are
 * rendered with {@code String.valueOf}; never pass a secret.
 */
public final class Log {
    private final Logger logger;

    private Log(Logger logger) {
        this.logger = logger;
    }

    public static Log get(Class<?> owner) {
        return new Log(Logger.getLogger(owner.getName()));
    }

    public void debug(String msg, Object... keyValues) {
        log(Level.FINE, msg, null, keyValues);
    }

    public void info(String msg, Object... keyValues) {
        log(Level.INFO, msg, null, keyValues);
    }

    public void warn(String msg, Object... keyValues) {
        log(Level.WARNING, msg, null, keyValues);
    }

    public void error(String msg, Object... keyValues) {
        log(Level.SEVERE, msg, null, keyValues);
    }

    /** Logs at error level with {@code err=<message>} taken from {@code cause}. */
    public void error(String msg, Throwable cause, Object... keyValues) {
        log(Level.SEVERE, msg, cause, keyValues);
    }

    public boolean isDebugEnabled() {
        return logger.isLoggable(Level.FINE);
    }

    private void log(Level level, String msg, Throwable cause, Object[] keyValues) {
        if (!logger.isLoggable(level)) {
            return;
        }
        LogRecord record = new LogRecord(level, msg);
        record.setLoggerName(logger.getName());
        record.setParameters(keyValues);
        record.setThrown(cause);
        record.setSourceClassName(logger.getName());
        logger.log(record);
    }
}
