package dev.vigil.alerting.am.notify;

import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.model.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Drops the alerts a muter mutes: the inhibitor, or the silences (Alertmanager's {@code MuteStage}). */
public final class MuteStage implements Stage {
    private final Predicate<Labels> mutes;

    public MuteStage(Predicate<Labels> mutes) {
        this.mutes = mutes;
    }

    @Override
    public List<AmAlert> exec(Flush flush, List<AmAlert> alerts) {
        List<AmAlert> kept = new ArrayList<>(alerts.size());
        for (AmAlert a : alerts) {
            if (!mutes.test(a.labels())) {
                kept.add(a);
            }
        }
        return kept;
    }
}
