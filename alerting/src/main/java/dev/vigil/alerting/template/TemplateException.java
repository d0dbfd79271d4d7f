package dev.vigil.alerting.template;

/** A parse or execution error, with Go's message text ({@code template: name:1: ...}). */
public class TemplateException extends Exception {
    public TemplateException(String message) {
        super(message);
    }
}
