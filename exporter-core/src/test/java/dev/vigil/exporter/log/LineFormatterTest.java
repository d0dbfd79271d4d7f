package dev.vigil.exporter.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LineFormatterTest {

    private static LogRecord record(Level level, String msg, Object... keyValues) {
        LogRecord record = new LogRecord(level, msg);
        record.setInstant(Instant.parse("2026-11-21T10:00:00.123Z"));
        record.setSourceClassName("dev.vigil.exporter.http.ExporterServer");
        record.setParameters(keyValues);
        return record;
    }

    @Test
    void logfmtInGoKitOrderWithQuotingWhereNeeded() {
        String line = new LineFormatter(false).format(record(Level.INFO, "Listening on", "address", "[::]:9100",
                "err", "a \"quoted\" value"));
        assertEquals("ts=2026-11-21T10:00:00.123Z caller=ExporterServer level=info msg=\"Listening on\" "
                + "address=[::]:9100 err=\"a \\\"quoted\\\" value\"\n", line);
    }

    @Test
    void jsonIsOneObjectPerLine() {
        String line = new LineFormatter(true).format(record(Level.WARNING, "careful", "n", 3));
        assertEquals("{\"ts\":\"2026-11-21T10:00:00.123Z\",\"caller\":\"ExporterServer\",\"level\":\"warn\","
                + "\"msg\":\"careful\",\"n\":\"3\"}\n", line);
    }

    @Test
    void levelsMapToGoKitNames() {
        assertEquals("error", LineFormatter.level(Level.SEVERE));
        assertEquals("debug", LineFormatter.level(Level.FINE));
        String foreign = new LineFormatter(false).format(record(Level.INFO, "bound {0}", "x"));
        assertTrue(foreign.contains("msg=\"bound x\""), foreign);
    }
}
