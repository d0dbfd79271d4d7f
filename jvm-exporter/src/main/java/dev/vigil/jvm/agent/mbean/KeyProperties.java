package dev.vigil.jvm.agent.mbean;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ObjectName's key properties in the order they were written ({@code type=Pool,name=a} keeps
 * {@code type} first), as jmx_exporter reads them from {@code getKeyPropertyListString()}: the first
 * property's value goes into the default metric name, the others become labels. Quoted values keep
 * their quotes, as jmx_exporter keeps them.
 */
public final class KeyProperties {
    // key: anything but , = : * ?; value: a quoted string with escapes, or anything but , = : "
    private static final Pattern PROPERTY = Pattern.compile("([^,=:*?]+)=(\"(?:[^\\\\\"]*(?:\\\\.)?)*\"|[^,=:\"]*)");

    private KeyProperties() {
    }

    /** Parses a key property list string; stops at the first part it cannot read, as jmx_exporter does. */
    public static Map<String, String> parse(String keyPropertyList) {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        String rest = keyPropertyList;
        Matcher m = PROPERTY.matcher(rest);
        while (m.lookingAt()) {
            out.put(m.group(1), m.group(2));
            rest = rest.substring(m.end());
            if (rest.startsWith(",")) {
                rest = rest.substring(1);
            }
            m.reset(rest);
        }
        return Collections.unmodifiableMap(out);
    }
}
