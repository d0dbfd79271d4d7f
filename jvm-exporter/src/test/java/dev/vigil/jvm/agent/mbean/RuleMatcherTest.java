package dev.vigil.jvm.agent.mbean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vigil.exporter.yaml.YamlFiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules as jmx_exporter 1.0.1 applies them (README "Pattern input", its Receiver.recordBean). */
class RuleMatcherTest {
    private final MatchCache cache = new MatchCache();

    private static RuleMatcher matcher(String yaml) throws Exception {
        MBeanConfig config = MBeanConfig.from(YamlFiles.parse("test.yml", yaml).orElseThrow()).orElseThrow();
        return new RuleMatcher(config.rules(), config.lowercaseOutputName(), config.lowercaseOutputLabelNames());
    }

    private Sample apply(RuleMatcher matcher, AttributeValue value) {
        return matcher.apply(value, cache, new MatchCache.Seen());
    }

    private static AttributeValue attr(String domain, List<String> props, List<String> path, String name, Object value) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < props.size(); i += 2) {
            p.put(props.get(i), props.get(i + 1));
        }
        return new AttributeValue(domain, p, path, name, "desc", value);
    }

    private static void assertSample(Sample s, String name, MetricKind kind, Map<String, String> labels, double value) {
        assertEquals(name, s.match().name(), "name");
        assertEquals(kind, s.match().kind(), "type");
        Map<String, String> got = new LinkedHashMap<>();
        for (int i = 0; i < s.match().labelNames().size(); i++) {
            got.put(s.match().labelNames().get(i), s.match().labelValues().get(i));
        }
        assertEquals(labels, got, "labels");
        assertEquals(value, s.value(), 1e-12, "value");
    }

    @Test
    void withoutRulesEveryAttributeIsExportedByItsDefaultNameUntyped() throws Exception {
        RuleMatcher m = matcher("lowercaseOutputName: false\n");
        assertSample(apply(m, attr("java.lang", List.of("type", "Memory"), List.of("HeapMemoryUsage"), "used", 100L)),
                "java_lang_Memory_HeapMemoryUsage_used", MetricKind.UNKNOWN, Map.of(), 100);
        // the first key property's value is in the name, the others are labels (value as written)
        assertSample(apply(m, attr("com.app", List.of("type", "Pool", "name", "a b", "Kind", "x.y"), List.of(), "Size", 7)),
                "com_app_Pool_Size", MetricKind.UNKNOWN, Map.of("name", "a b", "Kind", "x.y"), 7);
        assertSample(apply(m, attr("app", List.of(), List.of(), "Up", true)), "app_Up", MetricKind.UNKNOWN, Map.of(), 1);
        assertNull(apply(m, attr("app", List.of("type", "T"), List.of(), "Name", "text")), "strings are not samples");
    }

    @Test
    void lowercaseOptionsApplyToDefaultNamesAndLabelNamesNotValues() throws Exception {
        RuleMatcher m = matcher("lowercaseOutputName: true\nlowercaseOutputLabelNames: true\n");
        assertSample(apply(m, attr("com.App", List.of("type", "Pool", "Kind", "MiXed"), List.of(), "MaxSize", 3)),
                "com_app_pool_maxsize", MetricKind.UNKNOWN, Map.of("kind", "MiXed"), 3);
    }

    @Test
    void namedRuleExpandsGroupsInNameLabelsAndHelp() throws Exception {
        RuleMatcher m = matcher("""
                lowercaseOutputLabelNames: true
                rules:
                - pattern: 'app<type=(\\w+), name=(\\w+)><>(\\w+): (.*)'
                  name: app_$1_$3
                  labels:
                    Pool: $2
                    attr: "$3"
                    empty: ""
                  help: "Pool $2 attribute $3"
                  type: GAUGE
                  valueFactor: 0.001
                """);
        Sample s = apply(m, attr("app", List.of("type", "Pool", "name", "main"), List.of(), "Size", 2500));
        assertSample(s, "app_Pool_Size", MetricKind.GAUGE, Map.of("attr", "Size", "pool", "main"), 2.5);
        assertEquals("Pool main attribute Size", s.match().help());
        // labels sorted by their (unexpanded) names, as jmx_exporter's TreeMap keeps them
        assertEquals(List.of("pool", "attr"), s.match().labelNames());
        assertNull(apply(m, attr("other", List.of("type", "Pool", "name", "main"), List.of(), "Size", 1)), "no rule matched");
    }

    @Test
    void firstMatchingRuleWinsAndPatternMayMatchAnywhere() throws Exception {
        RuleMatcher m = matcher("""
                rules:
                - pattern: 'Count'
                  name: first
                  type: COUNTER
                - pattern: '.*'
                  name: second
                """);
        assertSample(apply(m, attr("app", List.of("type", "T"), List.of(), "RequestCount", 5)), "first", MetricKind.COUNTER,
                Map.of(), 5);
        assertSample(apply(m, attr("app", List.of("type", "T"), List.of(), "Size", 5)), "second", MetricKind.UNKNOWN,
                Map.of(), 5);
    }

    @Test
    void valueTemplateOverridesAndFactorSparesBooleans() throws Exception {
        RuleMatcher m = matcher("""
                rules:
                - pattern: 'app<type=State><>Status: (\\w+)'
                  name: app_status
                  value: 1
                  labels:
                    status: $1
                - pattern: 'app<type=State><>Level: (\\w+)'
                  name: app_level_$1
                  value: $1
                - pattern: 'app<type=Flags><>(\\w+)'
                  name: app_flag_$1
                  valueFactor: 10
                - pattern: 'app<type=Ms><>(\\w+)'
                  name: app_seconds
                  valueFactor: 0.001
                """);
        assertSample(apply(m, attr("app", List.of("type", "State"), List.of(), "Status", "RUNNING")), "app_status",
                MetricKind.UNKNOWN, Map.of("status", "RUNNING"), 1);
        assertNull(apply(m, attr("app", List.of("type", "State"), List.of(), "Level", "high")),
                "a value template that is not a number drops the sample, no later rule is tried");
        assertSample(apply(m, attr("app", List.of("type", "Flags"), List.of(), "On", true)), "app_flag_On",
                MetricKind.UNKNOWN, Map.of(), 1);
        assertSample(apply(m, attr("app", List.of("type", "Ms"), List.of(), "Took", 1500L)), "app_seconds",
                MetricKind.UNKNOWN, Map.of(), 1.5);
    }

    @Test
    void attrNameSnakeCaseChangesTheMatchStringAndTheDefaultName() throws Exception {
        RuleMatcher m = matcher("""
                rules:
                - pattern: 'java.lang<type=Memory><HeapMemoryUsage>used_(\\w+)'
                  name: heap_used_$1
                  attrNameSnakeCase: true
                - pattern: 'app<type=T><>request_count'
                  attrNameSnakeCase: true
                """);
        // only the attribute's own name is snake-cased, not the enclosing composite's
        assertSample(apply(m, attr("java.lang", List.of("type", "Memory"), List.of("HeapMemoryUsage"), "UsedBytes", 9)),
                "heap_used_bytes", MetricKind.UNKNOWN, Map.of(), 9);
        assertSample(apply(m, attr("app", List.of("type", "T"), List.of(), "RequestCount", 3)), "app_T_request_count",
                MetricKind.UNKNOWN, Map.of(), 3);
    }

    @Test
    void aNameThatComesOutEmptyDropsTheSample() throws Exception {
        RuleMatcher m = matcher("rules:\n- pattern: 'app<type=(\\w*)>'\n  name: $1\n");
        assertNull(apply(m, attr("app", List.of("type", ""), List.of(), "X", 1)));
        assertSample(apply(m, attr("app", List.of("type", "1st"), List.of(), "X", 1)), "_1st", MetricKind.UNKNOWN,
                Map.of(), 1);
    }

    @Test
    void cachedRuleMatchesOnceAndServesLaterValuesFromTheCache() throws Exception {
        RuleMatcher m = matcher("""
                rules:
                - pattern: 'app<type=(\\w+)><>(\\w+)'
                  name: c_$1_$2
                  cache: true
                """);
        MatchCache.Seen seen = new MatchCache.Seen();
        Sample first = m.apply(attr("app", List.of("type", "T"), List.of(), "N", 1), cache, seen);
        Sample second = m.apply(attr("app", List.of("type", "T"), List.of(), "N", 2), cache, seen);
        assertNull(m.apply(attr("other", List.of("type", "T"), List.of(), "N", 3), cache, seen));
        assertEquals("c_T_N", first.match().name());
        assertEquals(2, second.value());
        assertEquals("app<type=T><>N: <cache>", second.match().matchName(), "the value is not part of a cached match string");
        assertEquals(2, cache.size(), "one match and one no-match entry");
        assertEquals(2, seen.count());

        MatchCache.Seen next = new MatchCache.Seen();
        m.apply(attr("app", List.of("type", "T"), List.of(), "N", 4), cache, next);
        cache.evictUnseen(next);
        assertEquals(1, cache.size(), "the match string not seen in the last scrape is evicted");
    }
}
