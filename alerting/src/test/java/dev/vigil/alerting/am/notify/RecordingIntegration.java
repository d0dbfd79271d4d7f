package dev.vigil.alerting.am.notify;

import dev.vigil.alerting.am.alert.AmAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** An integration that records what it is asked to send; can be told to fail. */
public final class RecordingIntegration implements Integration {
    /** One notification: when, the group key, and each alert as {@code name:status}. */
    public record Sent(Instant at, String receiver, String groupKey, List<String> alerts) {
    }

    private final String name;
    private final int index;
    private final boolean sendResolved;
    private final List<Sent> sent = new ArrayList<>();
    private volatile Function<List<AmAlert>, NotifyException> failure = alerts -> null;

    public RecordingIntegration(String name, int index, boolean sendResolved) {
        this.name = name;
        this.index = index;
        this.sendResolved = sendResolved;
    }

    public void failWith(Function<List<AmAlert>, NotifyException> f) {
        this.failure = f;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public boolean sendResolved() {
        return sendResolved;
    }

    @Override
    public void notify(NotifyContext ctx, List<AmAlert> alerts) throws NotifyException {
        NotifyException e = failure.apply(alerts);
        if (e != null) {
            throw e;
        }
        List<String> names = new ArrayList<>();
        for (AmAlert a : alerts) {
            String id = a.labels().get("instance").isEmpty() ? a.labels().get("alertname") : a.labels().get("instance");
            names.add(id + ":" + a.status(ctx.now()));
        }
        synchronized (sent) {
            sent.add(new Sent(ctx.now(), ctx.receiver(), ctx.groupKey(), names));
        }
    }

    public List<Sent> sent() {
        synchronized (sent) {
            return new ArrayList<>(sent);
        }
    }

    public List<Sent> drain() {
        synchronized (sent) {
            List<Sent> out = new ArrayList<>(sent);
            sent.clear();
            return out;
        }
    }
}
