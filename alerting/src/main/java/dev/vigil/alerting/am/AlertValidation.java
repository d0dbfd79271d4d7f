package dev.vigil.alerting.am;

import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.am.labels.Matchers;

/** {@code types.Alert.Validate} in Alertmanager's words. */
final class AlertValidation {
    private AlertValidation() {
    }

    /** The problem with an alert, or null when it is valid. */
    static String validate(AmAlert a) {
        if (a.startsAt().equals(AmAlert.ZERO)) {
            return "start time missing";
        }
        if (!a.endsAt().equals(AmAlert.ZERO) && a.endsAt().isBefore(a.startsAt())) {
            return "start time must be before end time";
        }
        for (int i = 0; i < a.labels().size(); i++) {
            if (!Matchers.isValidLabelName(a.labels().name(i))) {
                return "invalid label set: invalid name \"" + a.labels().name(i) + "\"";
            }
        }
        if (a.labels().isEmpty()) {
            return "at least one label pair required";
        }
        for (String name : a.annotations().keySet()) {
            if (!Matchers.isValidLabelName(name)) {
                return "invalid annotations: invalid name \"" + name + "\"";
            }
        }
        return null;
    }
}
