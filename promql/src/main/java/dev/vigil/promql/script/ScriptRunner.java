package dev.vigil.promql.script;

import dev.vigil.model.Labels;
import dev.vigil.promql.engine.Engine;
import dev.vigil.promql.engine.EngineOptions;
import dev.vigil.promql.engine.QueryException;
import dev.vigil.promql.parser.ParseException;
import dev.vigil.promql.value.Matrix;
import dev.vigil.promql.value.Sample;
import dev.vigil.promql.value.Scalar;
import dev.vigil.promql.value.Series;
import dev.vigil.promql.value.Value;
import dev.vigil.promql.value.Vector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a script's commands in order against a fresh {@link MemoryStorage} and the engine, and
 * says what became of each eval. As in Prometheus 2.42, an instant eval is also run as a range
 * query from one minute before to one minute after, and its middle step must give the same
 * answer (except for {@code eval_ordered}, as a range result has no order, and for queries with
 * {@code @ start()} or {@code @ end()}, whose value rightly moves with the range's ends).
 */
public final class ScriptRunner {
    private static final long RANGE_MODE_STEP = 60_000;
    private static final java.util.regex.Pattern AT_START_OR_END =
            java.util.regex.Pattern.compile("@\\s*(start|end)\\s*\\(\\s*\\)");

    private final Engine engine;

    public ScriptRunner(Engine engine) {
        this.engine = engine;
    }

    public ScriptRunner() {
        this(new Engine(EngineOptions.DEFAULTS));
    }

    /** One outcome per eval, plus one failed outcome for a load that could not be applied. */
    public List<Outcome> run(Script script) {
        MemoryStorage storage = new MemoryStorage();
        List<Outcome> outcomes = new ArrayList<>();
        for (Command command : script.commands()) {
            switch (command) {
                case Command.Clear c -> storage.clear();
                case Command.Load load -> {
                    String error = load(storage, load);
                    if (error != null) {
                        outcomes.add(new Outcome(script.name(), load.line(), "load", error));
                    }
                }
                case Command.Eval eval -> outcomes.add(new Outcome(script.name(), eval.line(), eval.expr(),
                        eval(storage, eval)));
            }
        }
        return outcomes;
    }

    /**
     * Appends a load's samples at 0, interval, 2*interval, ...; a series given twice in one load
     * keeps its last line, as Prometheus' map of series does.
     */
    static String load(MemoryStorage storage, Command.Load load) {
        Map<Labels, SeriesDescription> bySeries = new LinkedHashMap<>();
        for (SeriesDescription d : load.series()) {
            bySeries.put(d.labels(), d);
        }
        try {
            for (SeriesDescription d : bySeries.values()) {
                for (int i = 0; i < d.values().size(); i++) {
                    SequenceValue v = d.values().get(i);
                    if (!v.omitted()) {
                        storage.add(d.labels(), i * load.intervalMillis(), v.value());
                    }
                }
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "load failed: " + e.getMessage();
        }
    }

    private String eval(MemoryStorage storage, Command.Eval eval) {
        Value result;
        try {
            result = eval.range()
                    ? engine.rangeQuery(storage, eval.expr(), eval.start(), eval.end(), eval.step()).exec().value()
                    : engine.instantQuery(storage, eval.expr(), eval.start()).exec().value();
        } catch (ParseException | QueryException | IllegalArgumentException e) {
            return eval.fail() ? null : "error evaluating query: " + e.getMessage();
        } catch (RuntimeException e) {
            return "engine failure (not a query error): " + e;
        }
        if (eval.fail()) {
            return "expected an error evaluating the query but got none";
        }
        if (eval.range()) {
            return ResultCheck.range(eval, result);
        }
        String failure = ResultCheck.instant(eval, result);
        if (failure != null || eval.ordered() || AT_START_OR_END.matcher(eval.expr()).find()) {
            return failure;
        }
        return rangeMode(storage, eval, result);
    }

    /** The instant eval again as a range query around its time; the middle step must agree. */
    private String rangeMode(MemoryStorage storage, Command.Eval eval, Value instant) {
        long t = eval.start();
        Value result;
        try {
            result = engine.rangeQuery(storage, eval.expr(), t - RANGE_MODE_STEP, t + RANGE_MODE_STEP, RANGE_MODE_STEP)
                    .exec().value();
        } catch (ParseException | RuntimeException e) {
            return "error evaluating query in range mode: " + e;
        }
        if (!(result instanceof Matrix matrix)) {
            return "range mode: expected a matrix but got " + result.type();
        }
        List<Sample> middle = new ArrayList<>();
        for (Series s : matrix.series()) {
            for (int i = 0; i < s.size(); i++) {
                if (s.timestamps()[i] == t) {
                    middle.add(new Sample(s.metric(), t, s.values()[i]));
                    break;
                }
            }
        }
        String failure;
        if (instant instanceof Scalar) {
            failure = middle.isEmpty() ? "no point at the eval time"
                    : ResultCheck.scalar(eval.expectedScalar(), middle.get(0).v());
        } else {
            failure = ResultCheck.instant(eval, new Vector(middle));
        }
        return failure == null ? null : "range mode (the eval time as the middle step): " + failure;
    }
}
