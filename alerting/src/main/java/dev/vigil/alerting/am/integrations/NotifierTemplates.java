package dev.vigil.alerting.am.integrations;

import dev.vigil.alerting.template.AlertmanagerFunctions;
import dev.vigil.alerting.template.Template;
import dev.vigil.alerting.template.TemplateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The notification templates of one config: Vigil's defaults (the names Alertmanager defines,
 * such as {@code email.default.subject}), then the files the {@code templates:} globs match,
 * which may redefine them. Kept as a text set and an HTML set (escaping values), as
 * Alertmanager keeps text/template and html/template copies. Loaded once per config; shared by
 * every integration.
 */
public final class NotifierTemplates {
    static final String DEFAULT_RESOURCE = "/dev/vigil/alerting/am/default.tmpl";

    private final Template text;
    private final Template html;
    private final List<Path> files;

    private NotifierTemplates(Template text, Template html, List<Path> files) {
        this.text = text;
        this.html = html;
        this.files = List.copyOf(files);
    }

    /** The defaults alone. */
    public static NotifierTemplates defaults() {
        try {
            return load(List.of());
        } catch (NotifierConfigException e) {
            throw new IllegalStateException("default templates: " + e.getMessage(), e);
        }
    }

    /**
     * The defaults plus every file each pattern matches (Go's {@code filepath.Glob}: {@code *},
     * {@code ?} and {@code [...]} within one path element; matches in name order; a pattern that
     * matches nothing is no error).
     *
     * @throws NotifierConfigException naming the file that cannot be read or parsed, with the parser's reason
     */
    public static NotifierTemplates load(List<String> patterns) throws NotifierConfigException {
        Template text = Template.text(AlertmanagerFunctions.create(), true);
        Template html = Template.html(AlertmanagerFunctions.create(), true);
        String defaults = defaultText();
        try {
            text.parse("default.tmpl", defaults);
            html.parse("default.tmpl", defaults);
        } catch (TemplateException e) {
            throw new IllegalStateException("default templates: " + e.getMessage(), e);
        }
        List<Path> files = new ArrayList<>();
        for (String pattern : patterns) {
            for (Path file : glob(pattern)) {
                String content;
                try {
                    content = Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new NotifierConfigException(file.toString(), "cannot read template: " + e.getMessage(), e);
                }
                String name = file.getFileName().toString();
                try {
                    text.parse(name, content);
                    html.parse(name, content);
                } catch (TemplateException e) {
                    throw new NotifierConfigException(file.toString(), e.getMessage(), e);
                }
                files.add(file);
            }
        }
        return new NotifierTemplates(text, html, files);
    }

    /** For header values, the text body and {@code to}/{@code from}. */
    public Template text() {
        return text;
    }

    /** For the HTML body: interpolated values are HTML-escaped unless marked safe ({@code safeHtml}). */
    public Template html() {
        return html;
    }

    /** The user files loaded, in order. */
    public List<Path> files() {
        return files;
    }

    private static String defaultText() {
        try (InputStream in = NotifierTemplates.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Go's filepath.Glob over the file system, sorted. */
    static List<Path> glob(String pattern) throws NotifierConfigException {
        if (!hasMeta(pattern)) {
            Path p = Path.of(pattern);
            return Files.exists(p) ? List.of(p) : List.of();
        }
        Path full = Path.of(pattern);
        // The longest leading run of elements without meta characters is the directory to walk from.
        Path base = full.getRoot();
        int i = 0;
        for (; i < full.getNameCount() && !hasMeta(full.getName(i).toString()); i++) {
            base = base == null ? full.getName(i) : base.resolve(full.getName(i));
        }
        if (base == null) {
            base = Path.of("");
        }
        int depth = full.getNameCount() - i;
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + javaGlob(full.toString()));
        } catch (IllegalArgumentException e) {
            throw new NotifierConfigException("", "invalid template glob " + pattern + ": syntax error in pattern", e);
        }
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        Path start = base;
        try (Stream<Path> walk = Files.walk(start, depth)) {
            return walk.filter(p -> start.relativize(p).getNameCount() == depth && !p.equals(start))
                    .filter(matcher::matches).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new NotifierConfigException(base.toString(), "cannot list templates: " + e.getMessage(), e);
        }
    }

    private static boolean hasMeta(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('\\') >= 0;
    }

    /** Go's glob syntax in Java's: {@code [^...]} becomes {@code [!...]}, braces are literal. */
    private static String javaGlob(String go) {
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < go.length(); i++) {
            char c = go.charAt(i);
            if (c == '[' && !inClass) {
                inClass = true;
                out.append('[');
                if (i + 1 < go.length() && go.charAt(i + 1) == '^') {
                    out.append('!');
                    i++;
                }
            } else if (c == ']' && inClass) {
                inClass = false;
                out.append(']');
            } else if ((c == '{' || c == '}' || c == ',') && !inClass) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
