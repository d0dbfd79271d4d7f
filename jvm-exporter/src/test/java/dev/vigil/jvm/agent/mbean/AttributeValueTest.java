package dev.vigil.jvm.agent.mbean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The strings jmx_exporter 1.0.1 shows (checked against its /metrics output and its documented match strings). */
class AttributeValueTest {
    private static Map<String, String> props(String... kv) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put(kv[i], kv[i + 1]);
        }
        return out;
    }

    @Test
    void matchStringOfASimpleAttribute() {
        AttributeValue v = new AttributeValue("java.lang", props("type", "Threading"), List.of(), "ThreadCount",
                "ThreadCount", 12);
        assertEquals("java.lang<type=Threading><>ThreadCount: 12", v.matchString("ThreadCount", false));
        assertEquals("java.lang<type=Threading><>ThreadCount: <cache>", v.matchString("ThreadCount", true));
        // the description equals the attribute name: left out
        assertEquals("java.lang:name=null,type=Threading,attribute=ThreadCount", v.help());
    }

    @Test
    void matchStringOfACompositeItem() {
        AttributeValue v = new AttributeValue("java.lang", props("type", "Memory"), List.of("HeapMemoryUsage"), "used",
                "java.lang.management.MemoryUsage", 1.3447488E7);
        assertEquals("java.lang<type=Memory><HeapMemoryUsage>used: 1.3447488E7", v.matchString("used", false));
        assertEquals("java.lang.management.MemoryUsage java.lang:name=null,type=Memory,attribute=used", v.help());
    }

    @Test
    void severalPropertiesAndPathKeysAreCommaSpaceSeparated() {
        AttributeValue v = new AttributeValue("app", props("type", "Pool", "name", "a b"), List.of("Stats", "Inner"),
                "Count", null, true);
        assertEquals("app<type=Pool, name=a b><Stats, Inner>", v.beanName());
        assertEquals("app<type=Pool, name=a b><Stats, Inner>count: true", v.matchString("count", false));
        assertEquals("app:name=a b,type=Pool,attribute=Count", v.help());
    }
}
