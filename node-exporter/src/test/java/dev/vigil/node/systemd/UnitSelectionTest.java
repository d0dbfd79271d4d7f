package dev.vigil.node.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnitSelectionTest {
    private static final String DEFAULT_EXCLUDE = ".+\\.(automount|device|mount|scope|slice|target)";

    private static Unit unit(String name, String load, String active) {
        return new Unit(name, load, active, "/org/freedesktop/systemd1/unit/x");
    }

    private static List<String> names(UnitSelection.Result result) {
        return result.units().stream().map(Unit::name).toList();
    }

    @Test
    void patternsMatchWholeNames() {
        UnitSelection selection = UnitSelection.of("ssh", "", 0);
        assertFalse(selection.matches("ssh.service"));
        assertTrue(selection.matches("ssh"));
        assertTrue(UnitSelection.of("ssh.*", "", 0).matches("ssh.service"));
    }

    @Test
    void theDefaultExcludeDropsMountsDevicesScopesSlicesTargetsAndAutomounts() {
        UnitSelection selection = UnitSelection.of(".+", DEFAULT_EXCLUDE, 0);
        for (String name : List.of("-.mount", "dev-sda1.device", "init.scope", "system.slice", "multi-user.target",
                "proc-sys-fs-binfmt_misc.automount")) {
            assertFalse(selection.matches(name), name);
        }
        for (String name : List.of("ssh.service", "dbus.socket", "apt-daily.timer", "cups.path", "swap.swap",
                "mount-helper.service")) {
            assertTrue(selection.matches(name), name);
        }
    }

    @Test
    void anEmptyExcludeExcludesNothingButAnEmptyIncludeIncludesNothing() {
        assertTrue(UnitSelection.of(".+", "", 0).matches("ssh.service"));
        assertFalse(UnitSelection.of("", "", 0).matches("ssh.service"));
    }

    @Test
    void patternsAreSplicedIntoTheAnchorsAsNodeExporterDoes() {
        // ^(?:foo)|(bar)$: the alternation escapes the anchors, in Go as here.
        UnitSelection selection = UnitSelection.of("foo)|(bar", "", 0);
        assertTrue(selection.matches("foo.service"));
        assertTrue(selection.matches("a.bar"));
        assertFalse(selection.matches("a.baz"));
    }

    @Test
    void onlyLoadedUnitsAreSelected() {
        UnitSelection.Result result = UnitSelection.of(".+", DEFAULT_EXCLUDE, 0).select(List.of(
                unit("ssh.service", "loaded", "active"), unit("gone.service", "not-found", "inactive"),
                unit("masked.service", "masked", "inactive"), unit("bad.service", "bad-setting", "inactive"),
                unit("-.mount", "loaded", "active"), unit("cron.service", "loaded", "failed")));
        assertEquals(List.of("ssh.service", "cron.service"), names(result));
        assertEquals(0, result.dropped());
    }

    @Test
    void overTheCapTheFirstUnitsByNameAreKept() {
        List<Unit> all = List.of(unit("zebra.service", "loaded", "active"), unit("apple.service", "loaded", "active"),
                unit("mango.socket", "loaded", "active"), unit("gone.service", "not-found", "inactive"),
                unit("kiwi.timer", "loaded", "active"));
        UnitSelection.Result capped = UnitSelection.of(".+", "", 2).select(all);
        assertEquals(List.of("apple.service", "kiwi.timer"), names(capped));
        assertEquals(2, capped.dropped());
        assertEquals(0, UnitSelection.of(".+", "", 4).select(all).dropped());
        assertEquals(4, UnitSelection.of(".+", "", 0).select(all).units().size());
        assertEquals(4, UnitSelection.of(".+", "", -1).select(all).units().size());
    }

    @Test
    void resultsStayTheSameFromScrapeToScrape() {
        UnitSelection selection = UnitSelection.of(".+\\.service", "", 0);
        List<Unit> all = List.of(unit("a.service", "loaded", "active"), unit("b.socket", "loaded", "active"));
        assertEquals(names(selection.select(all)), names(selection.select(all)));
        for (int i = 0; i < 5000; i++) {
            selection.matches("transient-" + i + ".service");
        }
        assertEquals(List.of("a.service"), names(selection.select(all)));
    }

    @Test
    void summaryCountsEveryUnitWithTheFiveStatesAlwaysThere() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("active", 2);
        expected.put("activating", 0);
        expected.put("deactivating", 0);
        expected.put("inactive", 1);
        expected.put("failed", 1);
        expected.put("reloading", 1);
        expected.put("maintenance", 1);
        assertEquals(expected, UnitSelection.summarize(List.of(unit("-.mount", "loaded", "active"),
                unit("ssh.service", "loaded", "active"), unit("gone.service", "not-found", "inactive"),
                unit("nginx.service", "loaded", "failed"), unit("php-fpm.service", "loaded", "reloading"),
                unit("db.service", "loaded", "maintenance"))));
    }

    @Test
    void summaryOfNoUnitsIsFiveZeros() {
        assertEquals(Map.of("active", 0, "activating", 0, "deactivating", 0, "inactive", 0, "failed", 0),
                UnitSelection.summarize(List.of()));
    }

    @Test
    void aBadPatternNamesItsFlag() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UnitSelection.of("(", "", 0));
        assertTrue(e.getMessage().contains("--collector.systemd.unit-include"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> UnitSelection.of(".+", "[a-", 0));
        assertTrue(e.getMessage().contains("--collector.systemd.unit-exclude"), e.getMessage());
    }
}
