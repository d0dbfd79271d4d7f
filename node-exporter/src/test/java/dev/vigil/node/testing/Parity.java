package dev.vigil.node.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Compares our exporter's families with node_exporter's: the same family names, HELP, TYPE, sample
 * names and labels, and values, except for the families a test says vary between two runs.
 */
public final class Parity {
    private final List<String> prefixes;
    private Predicate<String> volatileValues = name -> false;
    private Predicate<String> skipped = name -> false;

    private Parity(List<String> prefixes) {
        this.prefixes = prefixes;
    }

    /** Compares the families whose names start with one of {@code prefixes}. */
    public static Parity of(String... prefixes) {
        return new Parity(List.of(prefixes));
    }

    /** Families (full names) whose values differ between two reads; their samples must still match. */
    public Parity volatileValues(Predicate<String> families) {
        this.volatileValues = families;
        return this;
    }

    /** Families left out entirely. */
    public Parity skip(Predicate<String> families) {
        this.skipped = families;
        return this;
    }

    /** Every difference, one per line; empty when the outputs agree. */
    public List<String> differences(Scrape ours, Scrape reference) {
        Map<String, Scrape.Family> mine = ours.only(prefixes);
        Map<String, Scrape.Family> theirs = reference.only(prefixes);
        List<String> out = new ArrayList<>();
        Set<String> names = new TreeSet<>(mine.keySet());
        names.addAll(theirs.keySet());
        for (String name : names) {
            if (skipped.test(name)) {
                continue;
            }
            Scrape.Family a = mine.get(name);
            Scrape.Family b = theirs.get(name);
            if (a == null) {
                out.add("missing family " + name + " (node_exporter has " + b.samples.size() + " samples)");
                continue;
            }
            if (b == null) {
                out.add("extra family " + name);
                continue;
            }
            if (!a.type.equals(b.type)) {
                out.add(name + ": TYPE " + a.type + ", node_exporter says " + b.type);
            }
            if (!a.help.equals(b.help)) {
                out.add(name + ": HELP \"" + a.help + "\", node_exporter says \"" + b.help + "\"");
            }
            Set<String> keys = new TreeSet<>(a.samples.keySet());
            keys.addAll(b.samples.keySet());
            for (String key : keys) {
                Double x = a.samples.get(key);
                Double y = b.samples.get(key);
                if (x == null) {
                    out.add("missing sample " + key + " " + y);
                } else if (y == null) {
                    out.add("extra sample " + key + " " + x);
                } else if (!volatileValues.test(name) && !same(x, y)) {
                    out.add(key + ": " + x + ", node_exporter says " + y);
                }
            }
        }
        return out;
    }

    /** Fails with every difference listed. */
    public void assertSame(Scrape ours, Scrape reference) {
        List<String> diffs = differences(ours, reference);
        if (!diffs.isEmpty()) {
            throw new AssertionError(diffs.size() + " differences from node_exporter:\n  " + String.join("\n  ", diffs));
        }
    }

    private static boolean same(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.isNaN(x) && Double.isNaN(y);
        }
        return x == y || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
    }
}
