package dev.vigil.alerting.am.notify;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The recent delivery attempts per receiver (sent, retried, failed and why), for the API and UI.
 * Bounded: the newest {@link #PER_RECEIVER} entries of each receiver are kept.
 */
public final class DeliveryLog {
    public static final int PER_RECEIVER = 200;

    /** What happened to one attempt. */
    public enum Outcome {
        SENT, RETRYING, FAILED;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One attempt; {@code error} is empty when it was sent. Never holds secrets (errors are redacted). */
    public record Entry(Instant at, String receiver, String integration, String groupKey, int alerts, int attempt,
                        Outcome outcome, String error) {
    }

    private final Map<String, Deque<Entry>> byReceiver = new LinkedHashMap<>();

    public synchronized void add(Entry e) {
        Deque<Entry> d = byReceiver.computeIfAbsent(e.receiver(), k -> new ArrayDeque<>());
        if (d.size() == PER_RECEIVER) {
            d.removeFirst();
        }
        d.addLast(e);
    }

    /** A receiver's entries, newest first. */
    public synchronized List<Entry> entries(String receiver) {
        Deque<Entry> d = byReceiver.get(receiver);
        return d == null ? List.of() : new ArrayList<>(d.reversed());
    }

    /** Every receiver's entries, newest first. */
    public synchronized List<Entry> all() {
        List<Entry> out = new ArrayList<>();
        byReceiver.values().forEach(out::addAll);
        out.sort((a, b) -> b.at().compareTo(a.at()));
        return out;
    }
}
