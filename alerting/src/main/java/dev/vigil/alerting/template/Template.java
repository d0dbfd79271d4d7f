package dev.vigil.alerting.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of named templates sharing functions, as Go's {@code *template.Template}: {@link #parse}
 * adds the text under a name plus any {@code define}s, {@link #execute} runs one by name.
 *
 * <p>{@code missingKeyZero} is Go's {@code missingkey=zero} for maps of strings (Prometheus and
 * Alertmanager set it and all their maps hold strings): a missing key yields "" rather than
 * {@code <no value>}. Java maps carry no element type, so the option applies to every map.
 * {@code html} escapes every interpolated value unless it is {@link SafeHtml}, the part of
 * html/template's contextual escaping that element content needs.
 */
public final class Template {
    private final Map<String, TemplateFunction> funcs;
    private final Map<String, Executor.Defined> templates = new LinkedHashMap<>();
    private final boolean html;
    private final boolean missingKeyZero;

    private Template(Map<String, TemplateFunction> funcs, boolean html, boolean missingKeyZero) {
        this.funcs = funcs;
        this.html = html;
        this.missingKeyZero = missingKeyZero;
    }

    /** A text/template set with the built-ins plus {@code functions} (which win on a clash, as in Go). */
    public static Template text(Map<String, TemplateFunction> functions, boolean missingKeyZero) {
        return create(functions, false, missingKeyZero);
    }

    /** Like {@link #text} but escaping interpolations for HTML element content. */
    public static Template html(Map<String, TemplateFunction> functions, boolean missingKeyZero) {
        return create(functions, true, missingKeyZero);
    }

    private static Template create(Map<String, TemplateFunction> functions, boolean html, boolean missingKeyZero) {
        Map<String, TemplateFunction> all = Builtins.all(missingKeyZero);
        all.putAll(functions);
        return new Template(all, html, missingKeyZero);
    }

    /** Parses {@code text} as template {@code name}; its defines join the set. */
    public Template parse(String name, String text) throws TemplateException {
        Map<String, List<Node>> parsed = Parser.parse(name, text, funcs.keySet());
        parsed.forEach((n, nodes) -> {
            boolean keepOld = n.equals(name) && templates.containsKey(n) && nodes.stream()
                    .allMatch(x -> x instanceof Node.Text t && t.text().isBlank());
            if (!keepOld) {
                templates.put(n, new Executor.Defined(name, text, nodes));
            }
        });
        return this;
    }

    public boolean has(String name) {
        return templates.containsKey(name);
    }

    public String execute(String name, Object data) throws TemplateException {
        return new Executor(templates, funcs, html, missingKeyZero).run(name, data);
    }

    /**
     * Alertmanager's {@code ExecuteTextString}: parses {@code text} in a copy of this set (so its
     * defines stay out of it) and executes it; the empty text gives "".
     */
    public String executeString(String text, Object data) throws TemplateException {
        if (text.isEmpty()) {
            return "";
        }
        Template copy = new Template(funcs, html, missingKeyZero);
        copy.templates.putAll(templates);
        copy.parse("", text);
        return copy.execute("", data);
    }

    /** Convenience: parse {@code text} as {@code name} in a new text set and execute it. */
    public static String expand(String name, String text, Object data, Map<String, TemplateFunction> functions)
            throws TemplateException {
        return text(functions, false).parse(name, text).execute(name, data);
    }
}
