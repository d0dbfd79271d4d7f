package dev.vigil.alerting.am.silence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.alerting.am.labels.MatcherException;
import dev.vigil.alerting.am.labels.MatcherParser;
import dev.vigil.alerting.am.labels.Matchers;
import dev.vigil.model.Labels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SilencesTest {
    static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path dir;

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        Instant now = T0;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    final TestClock clock = new TestClock();

    static Matchers m(String text) throws MatcherException {
        return MatcherParser.parseMatchers(text);
    }

    /** Silence matchers ; alert labels ; muted. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "{job=\"node\"}; job=node instance=a; true",
        "{job=\"node\"}; job=api; false",
        "{job=~\"no.*\", instance!=\"b\"}; job=node instance=a; true",
        "{job=~\"no.*\", instance!=\"b\"}; job=node instance=b; false",
        // Each needs one matcher that does not match "" (Alertmanager refuses the silence otherwise).
        "{env=\"\", job=\"node\"}; job=node; true",
        "{env!~\"prod|staging\", job=\"node\"}; env=dev job=node; true",
        "{env!~\"prod|staging\", job=\"node\"}; env=prod job=node; false",
    })
    void matchingTable(String matchers, String labels, boolean muted) throws Exception {
        Silences s = Silences.open(clock, Silences.DEFAULT_RETENTION, null);
        s.set(Silence.create(m(matchers), T0, T0.plusSeconds(3600), "me", "test"));
        assertEquals(muted, s.mutes(labels(labels)));
    }

    /** Invalid silences -> Alertmanager's message. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "; 0; 3600; silence invalid: at least one matcher required",
        "a=b; 3600; 0; silence invalid: end time must not be before start time",
        "a=~.*,b=\"\"; 0; 3600; silence invalid: at least one matcher must not match the empty string",
    })
    void validationTable(String matchers, long startOffset, long endOffset, String message) throws Exception {
        Silences s = Silences.open(clock, Silences.DEFAULT_RETENTION, null);
        Matchers ms = matchers == null ? Matchers.NONE : m(matchers);
        SilenceException e = assertThrows(SilenceException.class, () -> s.set(Silence.create(ms,
                T0.plusSeconds(startOffset), T0.plusSeconds(endOffset), "me", "")));
        assertEquals(message, e.getMessage());
        assertTrue(s.list().isEmpty());
    }

    @Test
    void statesAndUpdateRules() throws Exception {
        Silences s = Silences.open(clock, Silences.DEFAULT_RETENTION, null);
        String pending = s.set(Silence.create(m("a=b"), T0.plusSeconds(600), T0.plusSeconds(1200), "me", "later"));
        assertEquals(SilenceState.PENDING, s.get(pending).orElseThrow().state(clock.instant()));
        // A pending silence may move its start (not into the past) in place.
        Silence moved = s.get(pending).orElseThrow().withTimes(T0.plusSeconds(300), T0.plusSeconds(1200), null);
        assertEquals(pending, s.set(moved));
        assertEquals(T0.plusSeconds(300), s.get(pending).orElseThrow().startsAt());

        String active = s.set(Silence.create(m("x=y"), T0.minusSeconds(60), T0.plusSeconds(3600), "me", "now"));
        Silence a = s.get(active).orElseThrow();
        assertEquals(T0, a.startsAt(), "a start in the past becomes now");
        assertEquals(SilenceState.ACTIVE, a.state(clock.instant()));
        // Extending an active silence keeps its id.
        assertEquals(active, s.set(a.withTimes(a.startsAt(), T0.plusSeconds(7200), null)));
        // Changing its matchers replaces it: new id, old one expired now.
        Silence changed = new Silence(active, m("x=z"), a.startsAt(), a.endsAt(), null, "me", "changed");
        String replacement = s.set(changed);
        assertNotEquals(active, replacement);
        clock.now = T0.plusSeconds(1);
        assertEquals(SilenceState.EXPIRED, s.get(active).orElseThrow().state(clock.instant()));
        assertEquals(SilenceState.ACTIVE, s.get(replacement).orElseThrow().state(clock.instant()));
        assertFalse(s.mutes(Labels.of("x", "y")));
        assertTrue(s.mutes(Labels.of("x", "z")));

        s.expire(replacement);
        clock.now = T0.plusSeconds(2);
        assertFalse(s.mutes(Labels.of("x", "z")));
        Silence expired = s.get(replacement).orElseThrow();
        s.expire(replacement); // again: nothing changes
        assertEquals(expired, s.get(replacement).orElseThrow());
        assertEquals("silence not found", assertThrows(SilenceException.class, () -> s.expire("nope")).getMessage());
        // Expiring a pending silence sets start and end to now.
        s.expire(pending);
        Silence p = s.get(pending).orElseThrow();
        assertEquals(p.startsAt(), p.endsAt());
    }

    @Test
    void persistsAcrossRestartAndCollectsGarbage() throws Exception {
        Path file = dir.resolve("silences");
        Silences s = Silences.open(clock, Duration.ofHours(1), file);
        String id = s.set(Silence.create(m("{team=\"a,b\", msg=~\"x\\ty\"}"), T0, T0.plusSeconds(600), "ann",
                "tab\there, comma, newline\nend"));
        String old = s.set(Silence.create(m("a=b"), T0, T0.plusSeconds(60), "bob", ""));
        assertFalse(Files.exists(dir.resolve("silences.tmp")), "temp file renamed away");

        Silences reopened = Silences.open(clock, Duration.ofHours(1), file);
        assertEquals(s.list(), reopened.list());
        assertTrue(reopened.mutes(Labels.of("team", "a,b", "msg", "x\ty")));

        clock.now = T0.plusSeconds(60 + 3600);
        assertEquals(1, reopened.gc(), "ended exactly one retention ago");
        assertTrue(reopened.get(old).isEmpty());
        assertEquals(1, Silences.open(clock, Duration.ofHours(1), file).list().size());
        assertTrue(Silences.open(clock, Duration.ofHours(1), file).get(id).isPresent());
    }

    @Test
    void refusesACorruptFile() throws Exception {
        Path file = dir.resolve("silences");
        Files.writeString(file, "garbage\n");
        assertThrows(SilenceException.class, () -> Silences.open(clock, Silences.DEFAULT_RETENTION, file));
    }

    static Labels labels(String text) {
        Labels.Builder b = Labels.builder();
        for (String pair : text.strip().split(" +")) {
            String[] kv = pair.split("=", 2);
            b.set(kv[0], kv[1]);
        }
        return b.build();
    }
}
