package dev.vigil.alerting.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Alertmanager 0.25's DefaultFuncs (template/template.go) for notification templates. */
public final class AlertmanagerFunctions {
    private AlertmanagerFunctions() {
    }

    public static Map<String, TemplateFunction> create() {
        Map<String, TemplateFunction> m = new HashMap<>();
        m.put("toUpper", TemplateFunction.ofString("toUpper", GoStrings::toUpper));
        m.put("toLower", TemplateFunction.ofString("toLower", GoStrings::toLower));
        m.put("title", TemplateFunction.ofString("title", GoStrings::titleWords));
        m.put("trimSpace", TemplateFunction.ofString("trimSpace", String::strip));
        m.put("join", a -> {
            ArgError.count("join", a, 2);
            String sep = ArgError.string(a.get(0));
            if (!(a.get(1) instanceof List<?> list)) {
                throw new ArgError("wrong type for value; expected []string; got " + GoFmt.typeName(a.get(1)));
            }
            List<String> parts = new ArrayList<>();
            for (Object o : list) {
                parts.add(ArgError.string(o));
            }
            return String.join(sep, parts);
        });
        m.put("match", a -> {
            ArgError.count("match", a, 2);
            return GoRegexp.matchString(ArgError.string(a.get(0)), ArgError.string(a.get(1)));
        });
        m.put("safeHtml", TemplateFunction.ofString("safeHtml", SafeHtml::new));
        m.put("reReplaceAll", a -> {
            ArgError.count("reReplaceAll", a, 3);
            return GoRegexp.replaceAll(ArgError.string(a.get(0)), ArgError.string(a.get(1)), ArgError.string(a.get(2)));
        });
        m.put("stringSlice", a -> {
            List<String> out = new ArrayList<>();
            for (Object o : a) {
                out.add(ArgError.string(o));
            }
            return out;
        });
        return m;
    }
}
