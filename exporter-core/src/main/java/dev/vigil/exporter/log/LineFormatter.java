package dev.vigil.exporter.log;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Formats a record as one logfmt or JSON line: {@code ts=... caller=... level=info msg="..."
 * key=value ...}. Parameters of a record made by {@link Log} are key/value pairs; records from
 * other libraries keep their formatted message.
 */
public final class LineFormatter extends Formatter {
    private static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final boolean json;

    public LineFormatter(boolean json) {
        this.json = json;
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder out = new StringBuilder(160);
        Object[] params = record.getParameters();
        boolean keyValues = params != null && params.length % 2 == 0 && params.length > 0
                && params[0] instanceof String && !record.getMessage().contains("{0");
        String msg = keyValues || params == null ? record.getMessage() : formatMessage(record);
        if (json) {
            out.append('{');
        }
        field(out, "ts", TS.format(Instant.ofEpochMilli(record.getMillis())), true);
        field(out, "caller", caller(record), false);
        field(out, "level", level(record.getLevel()), false);
        field(out, "msg", msg == null ? "" : msg, false);
        if (keyValues) {
            for (int i = 0; i < params.length; i += 2) {
                field(out, String.valueOf(params[i]), String.valueOf(params[i + 1]), false);
            }
        }
        if (record.getThrown() != null) {
            Throwable t = record.getThrown();
            field(out, "err", t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage(), false);
        }
        if (json) {
            out.append('}');
        }
        return out.append('\n').toString();
    }

    private void field(StringBuilder out, String key, String value, boolean first) {
        if (!first) {
            out.append(json ? "," : " ");
        }
        if (json) {
            jsonString(out, key);
            out.append(':');
            jsonString(out, value);
        } else {
            out.append(key).append('=');
            logfmtValue(out, value);
        }
    }

    private static void logfmtValue(StringBuilder out, String value) {
        boolean quote = value.isEmpty();
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c <= ' ' || c == '"' || c == '=' || c == '\\';
        }
        if (!quote) {
            out.append(value);
            return;
        }
        quoted(out, value, false);
    }

    private static void jsonString(StringBuilder out, String value) {
        quoted(out, value, true);
    }

    /** Writes a double-quoted, backslash-escaped string; JSON also escapes other control characters. */
    private static void quoted(StringBuilder out, String value, boolean json) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (json && c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static String caller(LogRecord record) {
        String source = record.getSourceClassName() != null ? record.getSourceClassName() : record.getLoggerName();
        if (source == null) {
            return "unknown";
        }
        int dot = source.lastIndexOf('.');
        return dot < 0 ? source : source.substring(dot + 1);
    }

    static String level(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "error";
        }
        if (value >= Level.WARNING.intValue()) {
            return "warn";
        }
        if (value >= Level.INFO.intValue()) {
            return "info";
        }
        return "debug";
    }
}
