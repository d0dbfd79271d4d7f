package dev.vigil.exporter.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlagSetTest {
    private final FlagSet flags = new FlagSet("prog", "A program.");
    private final Flag<List<String>> listen = flags.strings("web.listen-address", "Addresses.", List.of(":9100"));
    private final Flag<String> path = flags.string("web.telemetry-path", "Path.", "/metrics");
    private final Flag<Boolean> cpu = flags.bool("collector.cpu", "Enable cpu.", true);
    private final Flag<Integer> max = flags.integer("web.max-requests", "Max.", 40);
    private final Flag<Duration> timeout = flags.duration("collector.timeout", "Timeout.", Duration.ofSeconds(10));
    private final Flag<String> level = flags.choice("log.level", "Level.", "info", List.of("debug", "info"));

    @Test
    void defaultsWhenNothingIsGiven() throws Exception {
        flags.parse();
        assertEquals(List.of(":9100"), listen.get());
        assertEquals("/metrics", path.get());
        assertTrue(cpu.get());
        assertEquals(40, max.get());
        assertEquals(Duration.ofSeconds(10), timeout.get());
        assertFalse(path.isSet());
    }

    @Test
    void kingpinForms() throws Exception {
        flags.parse("--web.listen-address=:9100", "--web.listen-address", "[::1]:9200", "--web.telemetry-path", "/m",
                "--no-collector.cpu", "--web.max-requests=0", "--collector.timeout=1m30s", "--log.level=debug");
        assertEquals(List.of(":9100", "[::1]:9200"), listen.get());
        assertEquals("/m", path.get());
        assertFalse(cpu.get());
        assertEquals(0, max.get());
        assertEquals(Duration.ofSeconds(90), timeout.get());
        assertEquals("debug", level.get());
        flags.parse("--collector.cpu=false");
        assertFalse(cpu.get());
        flags.parse("--collector.cpu");
        assertTrue(cpu.get());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--web.foo=1|unknown long flag '--web.foo'",
        "--no-web.telemetry-path|unknown long flag '--no-web.telemetry-path'",
        "--web.max-requests=many|invalid value \"many\" for flag '--web.max-requests': expected a whole number",
        "--collector.timeout=10|invalid value \"10\" for flag '--collector.timeout'",
        "--log.level=loud|must be one of debug, info",
        "--web.telemetry-path|expected argument for flag '--web.telemetry-path'",
        "positional|unexpected argument 'positional'",
        "--collector.cpu=perhaps|expected true or false",
    })
    void clearErrors(String arg, String message) {
        FlagException e = assertThrows(FlagException.class, () -> flags.parse(arg));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void singleFlagsCannotRepeat() {
        assertThrows(FlagException.class, () -> flags.parse("--web.telemetry-path=/a", "--web.telemetry-path=/b"));
    }

    @Test
    void helpListsEveryFlagWithItsDefault() throws Exception {
        flags.parse("--help");
        assertTrue(flags.helpRequested());
        String usage = flags.usage();
        assertTrue(usage.startsWith("usage: prog [<flags>]\n\nA program.\n"), usage);
        assertTrue(usage.contains("--web.listen-address=LISTEN_ADDRESS ..."), usage);
        assertTrue(usage.contains("(default: :9100)"), usage);
        assertTrue(usage.contains("--[no-]collector.cpu"), usage);
        assertTrue(usage.contains("(default: 10s)"), usage);
        flags.parse("-h");
        assertTrue(flags.helpRequested());
    }

    @ParameterizedTest
    @CsvSource({"300ms, 300", "1m30s, 90000", "2h, 7200000", "1d, 86400000", "0, 0", "1.5s, 1500"})
    void goDurations(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), GoDuration.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"PT10S, 10s", "PT1M30S, 1m30s", "PT0.5S, 500ms", "PT2H, 2h", "PT1.25S, 1.25s"})
    void formatsDurationsAsGoDoes(Duration duration, String text) {
        assertEquals(text, GoDuration.format(duration));
        assertEquals(duration, GoDuration.parse(text));
    }

    @Test
    void badDurations() {
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("10"));
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("5x"));
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("s"));
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(""));
    }
}
