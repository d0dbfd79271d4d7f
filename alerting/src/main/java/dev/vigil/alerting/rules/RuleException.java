package dev.vigil.alerting.rules;

/** A rule evaluation that failed; the message is what the API shows as the rule's last error. */
final class RuleException extends RuntimeException {
    RuleException(String message) {
        super(message, null, false, false);
    }
}
