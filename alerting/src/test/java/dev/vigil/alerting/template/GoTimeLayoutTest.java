package dev.vigil.alerting.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go layouts as Go's time package formats 2026-03-07T14:05:09.120Z (a Saturday). */
class GoTimeLayoutTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2006-01-02 15:04:05|2026-03-07 14:05:09",
        "Jan _2 3:04PM|Mar  7 2:05PM",
        "Mon, 02 Jan 2006 15:04:05 MST|Sat, 07 Mar 2026 14:05:09 UTC",
        "2006-01-02T15:04:05.999999999Z07:00|2026-03-07T14:05:09.12Z",
        "15:04:05.000 -0700|14:05:09.120 +0000",
        "Monday January 2 06 002 pm|Saturday March 7 26 066 pm",
        "1/2 3:4:5|3/7 2:5:9",
    })
    void formatsLikeGo(String layout, String want) throws TemplateException {
        GoTime t = new GoTime(Instant.parse("2026-03-07T14:05:09.120Z"));
        assertEquals(want, t.Format(layout));
        assertEquals(want, Template.text(AlertmanagerFunctions.create(), true)
                .executeString("{{ .T.Format \"" + layout + "\" }}", Map.of("T", t)));
    }
}
