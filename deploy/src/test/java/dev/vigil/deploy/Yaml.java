package dev.vigil.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small typed accessors over parsed YAML (maps and lists), failing with the path that was missing. */
final class Yaml {
    private Yaml() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object parent, String... path) {
        Object o = at(parent, path);
        if (!(o instanceof Map)) {
            throw new AssertionError("not a map at " + String.join(".", path) + ": " + o);
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object parent, String... path) {
        Object o = at(parent, path);
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List)) {
            throw new AssertionError("not a list at " + String.join(".", path) + ": " + o);
        }
        return (List<Object>) o;
    }

    static Optional<Object> opt(Object parent, String... path) {
        return Optional.ofNullable(at(parent, path));
    }

    static String str(Object parent, String... path) {
        Object o = at(parent, path);
        return o == null ? null : String.valueOf(o);
    }

    @SuppressWarnings("unchecked")
    static Object at(Object parent, String... path) {
        Object o = parent;
        for (String key : path) {
            if (!(o instanceof Map)) {
                return null;
            }
            o = ((Map<String, Object>) o).get(key);
        }
        return o;
    }

    /** The entry of a list of maps whose "name" is {@code name}. */
    static Map<String, Object> named(List<Object> list, String name) {
        for (Object o : list) {
            if (o instanceof Map<?, ?> m && name.equals(m.get("name"))) {
                return map(o);
            }
        }
        throw new AssertionError("no entry named " + name + " in " + list);
    }
}
