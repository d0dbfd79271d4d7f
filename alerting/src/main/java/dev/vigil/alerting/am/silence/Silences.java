package dev.vigil.alerting.am.silence;

import dev.vigil.model.Labels;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The silence store. Thread-safe; every change is written to the file (when one is given) before
 * the call returns, so an acknowledged silence survives a crash.
 */
public final class Silences {
    /** Alertmanager's default {@code --data.retention}. */
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(120);

    private final Clock clock;
    private final Duration retention;
    private final Path file;
    private final Map<String, Silence> byId = new LinkedHashMap<>();

    private Silences(Clock clock, Duration retention, Path file) {
        this.clock = clock;
        this.retention = retention;
        this.file = file;
    }

    /** A store backed by {@code file} (null for memory only), loading what the file holds. */
    public static Silences open(Clock clock, Duration retention, Path file) throws SilenceException {
        Silences s = new Silences(clock, retention, file);
        if (file != null) {
            for (Silence sil : SilenceFile.read(file)) {
                s.byId.put(sil.id(), sil);
            }
        }
        return s;
    }

    /**
     * Creates or updates a silence and returns its id (Alertmanager's {@code Silences.Set}). An
     * existing silence is changed in place only if its matchers are unchanged and, when active, its
     * start is unchanged and its new end not in the past, or, when pending, its new start not in the
     * past. Otherwise the old one is expired (unless it already is) and a new one with a new id is
     * created. A start in the past becomes now.
     */
    public synchronized String set(Silence sil) throws SilenceException {
        Instant now = clock.instant();
        Silence prev = null;
        if (!sil.id().isEmpty()) {
            prev = byId.get(sil.id());
            if (prev == null) {
                throw new SilenceException("silence not found");
            }
        }
        if (prev != null && canUpdate(prev, sil, now)) {
            store(sil.withTimes(sil.startsAt(), sil.endsAt(), now));
            return sil.id();
        }
        Instant start = sil.startsAt() != null && sil.startsAt().isBefore(now) ? now : sil.startsAt();
        Silence created = sil.withId(UUID.randomUUID().toString()).withTimes(start, sil.endsAt(), now);
        // Validate before expiring the old one, so a bad update leaves the old silence in force.
        created.validate();
        if (prev != null && prev.state(now) != SilenceState.EXPIRED) {
            byId.put(prev.id(), expired(prev, now));
        }
        store(created);
        return created.id();
    }

    /** Ends a silence now; a pending one gets start = end = now; an expired one stays as it is. */
    public synchronized void expire(String id) throws SilenceException {
        Silence sil = byId.get(id);
        if (sil == null) {
            throw new SilenceException("silence not found");
        }
        Instant now = clock.instant();
        if (sil.state(now) == SilenceState.EXPIRED) {
            return; // Alertmanager 0.25 answers an expire of an expired silence with success
        }
        store(expired(sil, now));
    }

    public synchronized Optional<Silence> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** All silences, in creation order. */
    public synchronized List<Silence> list() {
        return List.copyOf(byId.values());
    }

    /** The ids of the active silences that mute an alert with {@code labels} now; empty if none. */
    public synchronized List<String> mutedBy(Labels labels) {
        Instant now = clock.instant();
        List<String> ids = new ArrayList<>();
        for (Silence s : byId.values()) {
            if (s.state(now) == SilenceState.ACTIVE && s.matches(labels)) {
                ids.add(s.id());
            }
        }
        return ids;
    }

    public boolean mutes(Labels labels) {
        return !mutedBy(labels).isEmpty();
    }

    /** Drops silences that ended more than the retention ago; returns how many. */
    public synchronized int gc() throws SilenceException {
        Instant now = clock.instant();
        int before = byId.size();
        byId.values().removeIf(s -> !s.endsAt().plus(retention).isAfter(now));
        int removed = before - byId.size();
        if (removed > 0) {
            persist();
        }
        return removed;
    }

    private static boolean canUpdate(Silence a, Silence b, Instant now) {
        if (!a.matchers().equals(b.matchers())) {
            return false;
        }
        return switch (a.state(now)) {
            case ACTIVE -> a.startsAt().equals(b.startsAt()) && b.endsAt() != null && !b.endsAt().isBefore(now);
            case PENDING -> b.startsAt() != null && !b.startsAt().isBefore(now);
            case EXPIRED -> false;
        };
    }

    private static Silence expired(Silence s, Instant now) {
        return s.state(now) == SilenceState.PENDING ? s.withTimes(now, now, now) : s.withTimes(s.startsAt(), now, now);
    }

    private void store(Silence sil) throws SilenceException {
        sil.validate();
        byId.put(sil.id(), sil);
        persist();
    }

    private void persist() throws SilenceException {
        if (file == null) {
            return;
        }
        try {
            SilenceFile.write(file, byId.values());
        } catch (IOException e) {
            throw new SilenceException("cannot write silences file: " + e.getMessage(), e);
        }
    }
}
