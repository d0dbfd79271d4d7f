package dev.vigil.hub.am;

import dev.vigil.alerting.am.labels.GoStrings;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * go-openapi's {@code strfmt.DateTime} as Alertmanager's API v2 uses it: written as RFC 3339 with
 * milliseconds in UTC ({@code 2006-01-02T15:04:05.000Z}); read as RFC 3339 with or without
 * fractions, or a local time with {@code T} or a space (taken as UTC).
 */
final class AmTime {
    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private AmTime() {
    }

    static String format(Instant t) {
        return WRITE.format(t);
    }

    /**
     * Parses a strfmt.DateTime; the error reads as Alertmanager's body parser words it (the
     * last layout it tries).
     */
    static Instant parse(String s) {
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            // fall through to the local forms
        }
        try {
            return LocalDateTime.parse(s, LOCAL).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("parsing time " + GoStrings.quote(s)
                    + " as \"2006-01-02 15:04:05\": cannot parse " + GoStrings.quote(s) + " as \"2006\"");
        }
    }
}
