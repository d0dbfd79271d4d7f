package dev.vigil.alerting.rules;

import dev.vigil.model.Labels;
import dev.vigil.model.StaleMarker;
import dev.vigil.promql.engine.QueryException;
import dev.vigil.promql.value.Sample;
import dev.vigil.storage.Appender;
import dev.vigil.storage.SampleRejectedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A rule group: its rules evaluated in order at each tick, results written through an
 * {@link Appender} (with stale markers for series a rule no longer returns), alerts handed to the
 * {@link AlertSink}. Ticks are aligned as Prometheus aligns them: a per-group offset from a hash of
 * the file and name, so groups spread over the interval.
 */
public final class RuleGroup {
    private static final Logger LOG = Logger.getLogger(RuleGroup.class.getName());

    private final String name;
    private final String file;
    private final long intervalMillis;
    private final long limit;
    private final List<Rule> rules;
    private final List<Set<Labels>> previousSeries = new ArrayList<>();
    private volatile long lastEvaluation;
    private volatile double evaluationSeconds;
    private boolean shouldRestore = true;

    RuleGroup(String name, String file, long intervalMillis, long limit, List<Rule> rules) {
        this.name = name;
        this.file = file;
        this.intervalMillis = intervalMillis;
        this.limit = limit;
        this.rules = List.copyOf(rules);
        for (int i = 0; i < rules.size(); i++) {
            previousSeries.add(Set.of());
        }
    }

    public String name() {
        return name;
    }

    public String file() {
        return file;
    }

    public long intervalMillis() {
        return intervalMillis;
    }

    public long limit() {
        return limit;
    }

    public List<Rule> rules() {
        return rules;
    }

    public long lastEvaluation() {
        return lastEvaluation;
    }

    public double evaluationSeconds() {
        return evaluationSeconds;
    }

    /** Prometheus' group hash: FNV-1a 64 of {@code name;file}. */
    long hash() {
        long h = 0xcbf29ce484222325L;
        for (byte b : (name + ";" + file).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** The group's next evaluation time at or before {@code now}, on its own offset grid. */
    long evalTimestamp(long nowMillis) {
        long intervalNanos = intervalMillis * 1_000_000L;
        long offset = Long.remainderUnsigned(hash(), intervalNanos);
        long adjNow = nowMillis * 1_000_000L - offset;
        long base = adjNow - Math.floorMod(adjNow, intervalNanos);
        return (base + offset) / 1_000_000L;
    }

    /** Evaluates every rule at {@code ts}; the first evaluation also restores alert states. */
    void eval(long ts, RuleContext ctx, Supplier<Appender> appenders, AlertSink sink) {
        long start = System.nanoTime();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            long ruleStart = System.nanoTime();
            List<Sample> samples;
            try {
                samples = rule.eval(ts, ctx, limit);
                rule.recordEvaluation(ts, (System.nanoTime() - ruleStart) / 1e9, null);
            } catch (RuleException | QueryException | IllegalStateException | IllegalArgumentException e) {
                rule.recordEvaluation(ts, (System.nanoTime() - ruleStart) / 1e9, e.getMessage());
                LOG.log(Level.WARNING, "Evaluating rule failed: group=" + name + " rule=" + rule.name() + ": "
                        + e.getMessage());
                continue;
            }
            if (rule instanceof AlertingRule ar && sink != null) {
                List<AlertSink.SentAlert> due = ar.toSend(ts, ctx.resendDelayMillis(), intervalMillis);
                if (!due.isEmpty()) {
                    sink.send(ctx.externalURL() + "/graph?g0.expr=" + java.net.URLEncoder.encode(rule.expr().print(),
                            StandardCharsets.UTF_8) + "&g0.tab=1", due);
                }
            }
            write(i, ts, samples, appenders);
        }
        if (shouldRestore) {
            for (Rule rule : rules) {
                if (rule instanceof AlertingRule ar) {
                    ar.restore(ts, ctx);
                }
            }
            shouldRestore = false;
        }
        lastEvaluation = ts;
        evaluationSeconds = (System.nanoTime() - start) / 1e9;
    }

    /** Stores a rule's samples and ends the series it returned last time but not now. */
    private void write(int ruleIndex, long ts, List<Sample> samples, Supplier<Appender> appenders) {
        Set<Labels> now = new HashSet<>();
        Appender app = appenders.get();
        try {
            for (Sample s : samples) {
                now.add(s.metric());
                try {
                    app.append(0, s.metric(), ts, s.v());
                } catch (SampleRejectedException e) {
                    LOG.fine("rule sample rejected: " + s.metric() + ": " + e.getMessage());
                }
            }
            for (Labels gone : previousSeries.get(ruleIndex)) {
                if (!now.contains(gone)) {
                    try {
                        app.append(0, gone, ts, StaleMarker.VALUE);
                    } catch (SampleRejectedException e) {
                        LOG.fine("stale marker rejected: " + gone + ": " + e.getMessage());
                    }
                }
            }
            app.commit();
        } catch (IOException e) {
            app.rollback();
            LOG.log(Level.WARNING, "Writing rule results failed: group=" + name + ": " + e.getMessage());
        }
        previousSeries.set(ruleIndex, now);
    }

    /** Rules with the same name and kind as in {@code old} take over its alerts (a reload keeps state). */
    void inheritFrom(RuleGroup old) {
        for (Rule r : rules) {
            if (r instanceof AlertingRule ar) {
                for (Rule o : old.rules) {
                    if (o instanceof AlertingRule oa && oa.name().equals(ar.name())
                            && oa.expr().print().equals(ar.expr().print())) {
                        ar.inheritFrom(oa);
                    }
                }
            }
        }
        shouldRestore = false;
        for (int i = 0; i < rules.size() && i < old.rules.size(); i++) {
            previousSeries.set(i, old.previousSeries.get(i));
        }
    }
}
