package dev.vigil.jvm.agent.mbean;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.ObjectName;

/**
 * {@link KeyProperties#parse} per ObjectName, kept between scrapes (a regex walk per bean per scrape
 * otherwise); names that no longer match the include/exclude patterns are dropped after each query.
 */
final class KeyPropertyCache {
    private final Map<ObjectName, Map<String, String>> byName = new ConcurrentHashMap<>();

    Map<String, String> get(ObjectName name) {
        return byName.computeIfAbsent(name, n -> KeyProperties.parse(n.getKeyPropertyListString()));
    }

    /** Forgets every name not in {@code live} (beans that were unregistered). */
    void retainOnly(Set<ObjectName> live) {
        byName.keySet().retainAll(live);
    }

    int size() {
        return byName.size();
    }
}
