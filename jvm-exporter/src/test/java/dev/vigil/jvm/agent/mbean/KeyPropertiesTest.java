package dev.vigil.jvm.agent.mbean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class KeyPropertiesTest {
    /** Written order is kept (the first value names the default metric), quotes stay, as in jmx_exporter. */
    @Test
    void keepsWrittenOrderAndQuotes() throws Exception {
        assertEquals(List.of("type", "name"),
                List.copyOf(KeyProperties.parse(new ObjectName("a:type=Pool,name=x").getKeyPropertyListString()).keySet()));
        assertEquals(List.of("name", "type"),
                List.copyOf(KeyProperties.parse(new ObjectName("a:name=x,type=Pool").getKeyPropertyListString()).keySet()));
        assertEquals(map("type", "Cache", "name", "\"a,b=c\""),
                KeyProperties.parse(new ObjectName("app:type=Cache,name=\"a,b=c\"").getKeyPropertyListString()));
        assertEquals(map("name", "\"say \\\"hi\\\"\"", "k", "v"),
                KeyProperties.parse(new ObjectName("app:name=\"say \\\"hi\\\"\",k=v").getKeyPropertyListString()));
        assertEquals(map("type", "with space", "x", "a.b-c"),
                KeyProperties.parse("type=with space,x=a.b-c"));
        assertEquals(map(), KeyProperties.parse(""));
    }

    private static Map<String, String> map(String... kv) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put(kv[i], kv[i + 1]);
        }
        return out;
    }
}
