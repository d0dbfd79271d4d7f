package dev.vigil.promql.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.model.Labels;
import dev.vigil.promql.ast.AggregateExpr;
import dev.vigil.promql.ast.AggregationOp;
import dev.vigil.promql.ast.AtModifier;
import dev.vigil.promql.ast.Call;
import dev.vigil.promql.ast.Functions;
import dev.vigil.promql.ast.MatrixSelector;
import dev.vigil.promql.ast.PositionRange;
import dev.vigil.promql.ast.VectorSelector;
import dev.vigil.promql.value.Matrix;
import dev.vigil.promql.value.Vector;
import dev.vigil.storage.Appender;
import dev.vigil.storage.Tsdb;
import dev.vigil.storage.TsdbOptions;
import dev.vigil.storage.index.Matcher;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine over a real TSDB, with trees built by hand (the parser is tested on its own). */
class EngineSmokeTest {
    @TempDir
    Path dir;
    Tsdb tsdb;

    @BeforeEach
    void load() throws Exception {
        tsdb = Tsdb.open(dir, TsdbOptions.DEFAULT);
        Appender app = tsdb.appender();
        // Two counters scraped every 15 s for 10 minutes: +1/s and +2/s.
        for (int i = 0; i <= 40; i++) {
            long t = i * 15_000L;
            app.append(0, Labels.of("__name__", "c", "job", "a", "instance", "1"), t, i * 15.0);
            app.append(0, Labels.of("__name__", "c", "job", "a", "instance", "2"), t, i * 30.0);
        }
        app.commit();
    }

    @AfterEach
    void close() throws Exception {
        tsdb.close();
    }

    private static VectorSelector selector(String name) {
        return new VectorSelector(name, List.of(Matcher.equal("__name__", name)), 0, 0, null, AtModifier.NONE,
                PositionRange.NONE);
    }

    @Test
    void instantSelectorTakesLatestSampleWithinLookback() {
        Engine engine = new Engine(EngineOptions.DEFAULTS);
        Vector v = (Vector) engine.instantQuery(tsdb::querier, selector("c"), 100_000).exec().value();
        assertEquals(2, v.samples().size());
        assertEquals(90.0, v.samples().get(0).v()); // sample at 90 s
        assertEquals(100_000, v.samples().get(0).t());
        // 5 m after the last sample (600 s) there is nothing.
        Vector none = (Vector) engine.instantQuery(tsdb::querier, selector("c"), 901_000).exec().value();
        assertEquals(0, none.samples().size());
    }

    @Test
    void sumOfRatesOverARange() {
        Engine engine = new Engine(EngineOptions.DEFAULTS);
        Call rate = new Call(Functions.byName("rate"), List.of(new MatrixSelector(selector("c"), 60_000, 0)),
                PositionRange.NONE);
        AggregateExpr sum = new AggregateExpr(AggregationOp.SUM, rate, null, List.of("job"), false, PositionRange.NONE);
        Matrix m = (Matrix) engine.rangeQuery(tsdb::querier, sum, 120_000, 300_000, 60_000).exec().value();
        assertEquals(1, m.series().size());
        assertEquals(Labels.of("job", "a"), m.series().get(0).metric());
        assertEquals(4, m.series().get(0).size());
        for (double v : m.series().get(0).values()) {
            assertEquals(3.0, v, 1e-9);
        }
    }

    @Test
    void tooManySamplesFailsTheQuery() {
        Engine engine = new Engine(EngineOptions.DEFAULTS.withMaxSamples(10));
        QueryException e = assertThrows(QueryException.class,
                () -> engine.rangeQuery(tsdb::querier, selector("c"), 0, 600_000, 15_000).exec());
        assertEquals(ErrorType.EXECUTION, e.errorType());
        assertEquals("query processing would load too many samples into memory in query execution", e.getMessage());
    }
}
