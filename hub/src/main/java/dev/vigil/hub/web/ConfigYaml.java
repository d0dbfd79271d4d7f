package dev.vigil.hub.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * The config as {@code /api/v1/status/config} shows it: the YAML re-emitted with every secret
 * replaced by {@code <secret>}, as Prometheus' {@code config.Secret} marshals. Which keys hold
 * secrets follows Prometheus' config types: {@code password}, {@code credentials},
 * {@code bearer_token}, {@code client_secret}, {@code secret_key}, {@code token} and a
 * {@code tls_config}'s inline {@code key}.
 */
public final class ConfigYaml {
    static final String SECRET = "<secret>";
    private static final Set<String> SECRET_KEYS = Set.of("password", "credentials", "bearer_token",
            "client_secret", "secret_key", "token");

    private ConfigYaml() {
    }

    /** The redacted YAML of {@code text}; a document that does not load gives "". */
    public static String redacted(String text) {
        return redacted(text, SECRET_KEYS);
    }

    /** As {@link #redacted(String)}, with the keys whose values are secrets given by the caller. */
    public static String redacted(String text, Set<String> secretKeys) {
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().setMaxAliasesForCollections(50).build()).loadFromString(text);
        } catch (RuntimeException e) {
            return "";
        }
        if (doc == null) {
            return "";
        }
        Object clean = redact(doc, "", secretKeys);
        return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build()).dumpToString(clean);
    }

    private static Object redact(Object node, String key, Set<String> secretKeys) {
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String k = String.valueOf(e.getKey());
                boolean secret = secretKeys.contains(k) || (k.equals("key") && key.equals("tls_config"));
                Object v = e.getValue();
                out.put(e.getKey(), secret && v != null && !String.valueOf(v).isEmpty() ? SECRET : redact(v, k, secretKeys));
            }
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(redact(o, key, secretKeys));
            }
            return out;
        }
        return node;
    }
}
