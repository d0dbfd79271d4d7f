package dev.vigil.jvm.agent.mbean;

import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The match results of {@code cache: true} rules per match string (jmx_exporter's MatchedRulesCache):
 * a hit skips the regex and the name/label templates. For such rules the match string carries
 * {@code <cache>} instead of the value, so one entry serves every scrape. Entries whose match string
 * was not seen in a scrape (a bean or attribute that went away) are evicted after it.
 */
final class MatchCache {
    private final Map<Rule, Map<String, Match>> byRule = new IdentityHashMap<>();

    Match get(Rule rule, String matchString) {
        Map<String, Match> entries = byRule.get(rule);
        return entries == null ? null : entries.get(matchString);
    }

    void put(Rule rule, String matchString, Match match) {
        byRule.computeIfAbsent(rule, r -> new HashMap<>()).put(matchString, match);
    }

    /** Drops the entries the last scrape did not touch. */
    void evictUnseen(Seen seen) {
        byRule.entrySet().removeIf(e -> {
            Set<String> touched = seen.byRule.get(e.getKey());
            if (touched == null) {
                return true;
            }
            e.getValue().keySet().retainAll(touched);
            return e.getValue().isEmpty();
        });
    }

    int size() {
        return byRule.values().stream().mapToInt(Map::size).sum();
    }

    /** The match strings of cached rules one scrape looked up or added. */
    static final class Seen {
        private final Map<Rule, Set<String>> byRule = new IdentityHashMap<>();
        private long count;

        void add(Rule rule, String matchString) {
            if (byRule.computeIfAbsent(rule, r -> new HashSet<>()).add(matchString)) {
                count++;
            }
        }

        /** jmx_scrape_cached_beans: how many (rule, match string) pairs this scrape served from or put into the cache. */
        long count() {
            return count;
        }
    }
}
