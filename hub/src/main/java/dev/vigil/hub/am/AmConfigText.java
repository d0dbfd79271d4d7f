package dev.vigil.hub.am;

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
 * The config as {@code GET /api/v2/status} shows it in {@code config.original}: the loaded file
 * re-emitted as YAML with the values of Alertmanager 0.25's {@code Secret} fields (SMTP and HTTP
 * client credentials, receivers' API keys and tokens) shown as {@code <secret>}. Alertmanager
 * prints its normalized config with every default filled in; this prints what the file says.
 */
final class AmConfigText {
    private static final String SECRET = "<secret>";
    private static final Set<String> SECRET_KEYS = Set.of("smtp_auth_password", "smtp_auth_secret", "auth_password",
            "auth_secret", "password", "credentials", "bearer_token", "client_secret", "slack_api_url", "api_url_secret",
            "service_key", "routing_key", "api_key", "opsgenie_api_key", "victorops_api_key", "wechat_api_secret",
            "api_secret", "user_key", "token", "bot_token");

    private AmConfigText() {
    }

    static String redacted(String text) {
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().setMaxAliasesForCollections(50).build()).loadFromString(text);
        } catch (RuntimeException e) {
            return "";
        }
        if (doc == null) {
            return "";
        }
        return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build())
                .dumpToString(redact(doc, ""));
    }

    private static Object redact(Object node, String key) {
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String k = String.valueOf(e.getKey());
                boolean secret = SECRET_KEYS.contains(k) || (k.equals("key") && key.equals("tls_config"));
                Object v = e.getValue();
                out.put(e.getKey(), secret && v != null && !String.valueOf(v).isEmpty() ? SECRET : redact(v, k));
            }
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(redact(o, key));
            }
            return out;
        }
        return node;
    }
}
