package dev.vigil.alerting.am.integrations;

import dev.vigil.alerting.am.config.EmailConfig;
import dev.vigil.alerting.am.config.Receiver;
import dev.vigil.alerting.am.config.WebhookConfig;
import dev.vigil.alerting.am.email.EmailIntegration;
import dev.vigil.alerting.am.notify.Integration;
import dev.vigil.alerting.am.webhook.WebhookIntegration;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds a receiver's integrations as Alertmanager's {@code buildReceiverIntegrations} does:
 * email ones first, then webhooks, each numbered within its kind ({@code email[0]},
 * {@code webhook[1]}).
 */
public final class Integrations {
    /** What webhooks send as User-Agent (Alertmanager sends {@code Alertmanager/0.25.0}). */
    public static final String USER_AGENT = "Vigil/" + version();

    private Integrations() {
    }

    /** With the wall clock and {@link #USER_AGENT}. */
    public static List<Integration> forReceiver(Receiver receiver, NotifierTemplates templates, String externalURL)
            throws NotifierConfigException {
        return forReceiver(receiver, templates, externalURL, USER_AGENT, Instant::now);
    }

    /**
     * @param clock the clock that {@code NotifyContext.deadline()} is measured on
     * @throws NotifierConfigException when an integration's files (TLS material) or proxy URL are unusable,
     *     naming the receiver and integration
     */
    public static List<Integration> forReceiver(Receiver receiver, NotifierTemplates templates, String externalURL,
            String userAgent, Supplier<Instant> clock) throws NotifierConfigException {
        List<Integration> out = new ArrayList<>();
        int i = 0;
        for (EmailConfig c : receiver.emailConfigs()) {
            try {
                out.add(new EmailIntegration(c, i, templates, externalURL, clock));
            } catch (IOException e) {
                throw error(receiver, "email", i, e);
            }
            i++;
        }
        i = 0;
        for (WebhookConfig c : receiver.webhookConfigs()) {
            try {
                out.add(new WebhookIntegration(c, i, externalURL, userAgent, clock));
            } catch (IOException e) {
                throw error(receiver, "webhook", i, e);
            }
            i++;
        }
        return List.copyOf(out);
    }

    private static NotifierConfigException error(Receiver r, String kind, int index, IOException e) {
        return new NotifierConfigException("", "receiver \"" + r.name() + "\": " + kind + "[" + index + "]: "
                + e.getMessage(), e);
    }

    private static String version() {
        String v = Integrations.class.getPackage().getImplementationVersion();
        return v == null || v.isEmpty() ? "dev" : v;
    }
}
