package dev.vigil.alerting.rules;

import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.promql.parser.ParseException;
import dev.vigil.promql.parser.Parser;
import dev.vigil.storage.Appender;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Loads rule files and runs their groups, one virtual thread per group ticking on the group's
 * offset grid. {@link #update} swaps in a new set of files atomically: a file with errors fails
 * the whole update (the running rules stay), and groups that survive a reload keep their alerts.
 */
public final class RuleManager implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RuleManager.class.getName());

    private final RuleContext ctx;
    private final Supplier<Appender> appenders;
    private final AlertSink sink;
    private final LongSupplier clock;
    private final Map<String, RuleGroup> groups = new LinkedHashMap<>();
    private final Map<String, Thread> runners = new HashMap<>();

    public RuleManager(RuleContext ctx, Supplier<Appender> appenders, AlertSink sink, LongSupplier clock) {
        this.ctx = ctx;
        this.appenders = appenders;
        this.sink = sink;
        this.clock = clock;
    }

    /** The files matching {@code globs} (Prometheus' {@code rule_files}: paths with * and ? in the last element). */
    public static List<Path> resolve(List<String> globs, Path baseDir) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String glob : globs) {
            Path p = baseDir.resolve(glob);
            String last = p.getFileName().toString();
            if (!last.contains("*") && !last.contains("?") && !last.contains("[")) {
                out.add(p);
                continue;
            }
            Path dir = p.getParent();
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, last)) {
                for (Path f : files) {
                    out.add(f);
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** Loads every file into groups, or fails with every problem found (file, line, reason). */
    public static List<RuleGroup> load(List<Path> files, long defaultIntervalMillis) throws RuleLoadException {
        List<RuleGroup> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Path file : files) {
            RuleFileLoader.Result result;
            try {
                result = RuleFileLoader.load(file);
            } catch (ConfigException e) {
                errors.add(e.getMessage());
                continue;
            }
            errors.addAll(result.errors());
            for (RuleFileLoader.Group g : result.groups()) {
                List<Rule> rules = new ArrayList<>();
                for (RuleFileLoader.Rule r : g.rules()) {
                    try {
                        rules.add(r.record().isEmpty()
                                ? new AlertingRule(r.alert(), Parser.parseExpr(r.expr()), r.forDuration().toMillis(),
                                        r.keepFiringFor().toMillis(), r.labels(), r.annotations())
                                : new RecordingRule(r.record(), Parser.parseExpr(r.expr()), r.labels()));
                    } catch (ParseException e) {
                        // already among the loader's errors
                    }
                }
                long interval = g.interval() == null ? defaultIntervalMillis : g.interval().toMillis();
                out.add(new RuleGroup(g.name(), file.toString(), interval, g.limit(), rules));
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleLoadException(errors);
        }
        return out;
    }

    /** Replaces the running groups with {@code newGroups}; state carries over by file and group name. */
    public synchronized void update(List<RuleGroup> newGroups) {
        Map<String, RuleGroup> next = new LinkedHashMap<>();
        for (RuleGroup g : newGroups) {
            String key = g.file() + ";" + g.name();
            RuleGroup old = groups.get(key);
            if (old != null) {
                g.inheritFrom(old);
            }
            next.put(key, g);
        }
        for (Thread t : runners.values()) {
            t.interrupt();
        }
        runners.clear();
        groups.clear();
        groups.putAll(next);
        for (Map.Entry<String, RuleGroup> e : groups.entrySet()) {
            RuleGroup g = e.getValue();
            runners.put(e.getKey(), Thread.ofVirtual().name("rules-" + g.name()).start(() -> run(g)));
        }
        LOG.info("Rules loaded: " + groups.size() + " group(s), "
                + groups.values().stream().mapToInt(g -> g.rules().size()).sum() + " rule(s)");
    }

    public synchronized List<RuleGroup> groups() {
        return new ArrayList<>(groups.values());
    }

    private void run(RuleGroup g) {
        long interval = g.intervalMillis();
        long next = g.evalTimestamp(clock.getAsLong()) + interval;
        while (!Thread.currentThread().isInterrupted()) {
            long wait = next - clock.getAsLong();
            if (wait > 0) {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
            // Missed ticks are skipped, as Prometheus does; evaluate at the latest one due.
            long now = clock.getAsLong();
            long ts = next + Math.floorDiv(now - next, interval) * interval;
            g.eval(ts, ctx, appenders, sink);
            next = ts + interval;
        }
    }

    /** Evaluates every group once at {@code ts}, in order (for tests and {@code test rules}). */
    public synchronized void evalAll(long ts) {
        for (RuleGroup g : groups.values()) {
            g.eval(ts, ctx, appenders, sink);
        }
    }

    @Override
    public synchronized void close() {
        for (Thread t : runners.values()) {
            t.interrupt();
        }
        runners.clear();
    }
}
