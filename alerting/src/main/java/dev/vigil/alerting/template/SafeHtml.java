package dev.vigil.alerting.template;

/** html/template's {@code template.HTML}: text that HTML mode writes without escaping. */
public record SafeHtml(String html) {
    @Override
    public String toString() {
        return html;
    }
}
