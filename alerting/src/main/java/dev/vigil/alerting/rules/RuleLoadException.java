package dev.vigil.alerting.rules;

import java.util.List;

/** Rule files that do not load: every problem, each with file, line and reason. */
public final class RuleLoadException extends Exception {
    private final List<String> errors;

    public RuleLoadException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
