package dev.vigil.node.systemd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which units get per-unit metrics: loaded ones whose name matches the include pattern and does
 * not match the exclude pattern, both anchored as node_exporter does ({@code ^(?:pattern)$}), at
 * most {@code maxUnits} of them.
 * Not thread-safe: one collector uses it from one update at a time.
 */
public final class UnitSelection {
    /** The states node_exporter always reports, in its order. */
    public static final List<String> STATES = List.of("active", "activating", "deactivating", "inactive", "failed");

    private final Pattern include;
    private final Pattern exclude;
    private final int maxUnits;
    /** Pattern results by unit name; unit names repeat from scrape to scrape. */
    private final Map<String, Boolean> matches = new HashMap<>();

    /** The units selected and how many matching units the cap left out. */
    public record Result(List<Unit> units, int dropped) {
    }

    private UnitSelection(Pattern include, Pattern exclude, int maxUnits) {
        this.include = include;
        this.exclude = exclude;
        this.maxUnits = maxUnits;
    }

    /**
     * @param maxUnits the most units to report; 0 or less for no limit
     * @throws IllegalArgumentException if a pattern does not compile
     */
    public static UnitSelection of(String include, String exclude, int maxUnits) {
        return new UnitSelection(compile("unit-include", include), compile("unit-exclude", exclude), maxUnits);
    }

    /** Whether a unit of that name passes the patterns (the load state aside). */
    public boolean matches(String name) {
        Boolean known = matches.get(name);
        if (known == null) {
            known = include.matcher(name).find() && !exclude.matcher(name).find();
            if (matches.size() > 4096) {
                matches.clear();
            }
            matches.put(name, known);
        }
        return known;
    }

    /**
     * The loaded units that pass the patterns, in the order given; beyond {@code maxUnits}, the
     * first ones by name are kept and the rest counted as dropped.
     */
    public Result select(List<Unit> all) {
        List<Unit> selected = new ArrayList<>();
        for (Unit unit : all) {
            if (unit.loadState().equals("loaded") && matches(unit.name())) {
                selected.add(unit);
            }
        }
        if (maxUnits <= 0 || selected.size() <= maxUnits) {
            return new Result(selected, 0);
        }
        selected.sort(Comparator.comparing(Unit::name));
        return new Result(List.copyOf(selected.subList(0, maxUnits)), selected.size() - maxUnits);
    }

    /**
     * The number of units in each active state, over all units whether selected or not: the five
     * {@link #STATES} always, and any other state a unit is in (e.g. {@code reloading}).
     */
    public static Map<String, Integer> summarize(List<Unit> all) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String state : STATES) {
            counts.put(state, 0);
        }
        for (Unit unit : all) {
            counts.merge(unit.activeState(), 1, Integer::sum);
        }
        return counts;
    }

    private static Pattern compile(String flag, String regex) {
        try {
            return Pattern.compile("^(?:" + regex + ")$");
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("--collector.systemd." + flag + ": " + e.getDescription(), e);
        }
    }
}
