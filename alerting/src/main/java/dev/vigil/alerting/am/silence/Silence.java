package dev.vigil.alerting.am.silence;

import dev.vigil.alerting.am.labels.Matcher;
import dev.vigil.alerting.am.labels.MatchType;
import dev.vigil.alerting.am.labels.Matchers;
import dev.vigil.model.Labels;
import java.time.Instant;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A silence. {@code id} is "" for one not yet stored; {@code updatedAt} is set by the store. */
public record Silence(String id, Matchers matchers, Instant startsAt, Instant endsAt, Instant updatedAt,
                      String createdBy, String comment) {
    public Silence {
        id = id == null ? "" : id;
        createdBy = createdBy == null ? "" : createdBy;
        comment = comment == null ? "" : comment;
    }

    /** A new silence to pass to {@link Silences#set}. */
    public static Silence create(Matchers matchers, Instant startsAt, Instant endsAt, String createdBy,
                                 String comment) {
        return new Silence("", matchers, startsAt, endsAt, null, createdBy, comment);
    }

    /** Pending before its start, expired strictly after its end, active in between (both ends included). */
    public SilenceState state(Instant now) {
        if (now.isBefore(startsAt)) {
            return SilenceState.PENDING;
        }
        if (now.isAfter(endsAt)) {
            return SilenceState.EXPIRED;
        }
        return SilenceState.ACTIVE;
    }

    /** Whether the silence, if active, mutes an alert with these labels. */
    public boolean matches(Labels labels) {
        return matchers.matches(labels);
    }

    Silence withId(String newId) {
        return new Silence(newId, matchers, startsAt, endsAt, updatedAt, createdBy, comment);
    }

    Silence withTimes(Instant start, Instant end, Instant updated) {
        return new Silence(id, matchers, start, end, updated, createdBy, comment);
    }

    /** As Alertmanager's {@code setSilence}: "silence invalid: " and the reason. */
    void validate() throws SilenceException {
        try {
            check();
        } catch (SilenceException e) {
            throw new SilenceException("silence invalid: " + e.getMessage());
        }
    }

    /** {@code validateSilence}: Alertmanager's checks, in its order and words. */
    private void check() throws SilenceException {
        if (id.isEmpty()) {
            throw new SilenceException("ID missing");
        }
        if (matchers == null || matchers.isEmpty()) {
            throw new SilenceException("at least one matcher required");
        }
        for (int i = 0; i < matchers.list().size(); i++) {
            Matcher m = matchers.list().get(i);
            String problem = null;
            if (!Matchers.isValidLabelName(m.name())) {
                problem = "invalid label name \"" + m.name() + "\"";
            } else if (m.type() == MatchType.REGEXP || m.type() == MatchType.NOT_REGEXP) {
                try {
                    Pattern.compile(m.value());
                } catch (PatternSyntaxException e) {
                    problem = "invalid regular expression \"" + m.value() + "\": " + e.getDescription();
                }
            }
            if (problem != null) {
                throw new SilenceException("invalid label matcher " + i + ": " + problem);
            }
        }
        if (matchers.list().stream().allMatch(m -> m.matches(""))) {
            throw new SilenceException("at least one matcher must not match the empty string");
        }
        if (startsAt == null) {
            throw new SilenceException("invalid zero start timestamp");
        }
        if (endsAt == null) {
            throw new SilenceException("invalid zero end timestamp");
        }
        if (endsAt.isBefore(startsAt)) {
            throw new SilenceException("end time must not be before start time");
        }
        if (updatedAt == null) {
            throw new SilenceException("invalid zero update timestamp");
        }
    }
}
