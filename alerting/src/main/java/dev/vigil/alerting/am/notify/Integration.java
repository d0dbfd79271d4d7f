package dev.vigil.alerting.am.notify;

import dev.vigil.alerting.am.alert.AmAlert;
import java.util.List;

/**
 * One entry of a receiver's {@code *_configs}: a webhook or an email address. Implementations
 * send one notification for a group's alerts and say whether a failure is worth retrying.
 */
public interface Integration {
    /** The kind, as Alertmanager names it: "webhook", "email". */
    String name();

    /** The position among the receiver's integrations of this kind. */
    int index();

    boolean sendResolved();

    /**
     * Sends one notification. {@code alerts} are sorted, firing ones with a zero end; the
     * receiver and group come from {@code ctx}.
     *
     * @throws NotifyException when it was not delivered, saying whether to retry
     */
    void notify(NotifyContext ctx, List<AmAlert> alerts) throws NotifyException;

    /** {@code webhook[0]}: how logs and errors name it. */
    default String describe() {
        return name() + "[" + index() + "]";
    }
}
