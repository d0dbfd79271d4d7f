package dev.vigil.promql.engine;

import dev.vigil.model.StaleMarker;
import dev.vigil.promql.ast.MatrixSelector;
import dev.vigil.promql.ast.VectorSelector;
import dev.vigil.storage.SampleIterator;
import dev.vigil.storage.Series;
import java.util.ArrayList;
import java.util.List;

/**
 * Instant and range selectors over storage: an instant selector takes, at each step, the newest
 * sample no older than the lookback delta (none when that sample is a stale marker); a range
 * selector takes every sample in {@code [t - range, t]}, stale markers left out.
 */
final class Selectors {
    private final Evaluator ev;

    Selectors(Evaluator ev) {
        this.ev = ev;
    }

    List<EvalSeries> vector(VectorSelector vs) {
        long offset = vs.offset();
        long lookback = ev.ctx.options.lookbackDeltaMillis();
        long mint = ev.start - offset - lookback;
        long maxt = ev.end - offset;
        List<Series> selected = ev.ctx.select(vs.matchers(), mint, maxt);
        List<EvalSeries> out = new ArrayList<>(selected.size());
        int steps = ev.steps();
        for (Series s : selected) {
            ev.ctx.check();
            EvalSeries loaded = load(s, mint, maxt, false);
            EvalSeries result = null;
            int pos = 0;
            for (long ts = ev.start; ts <= ev.end; ts += ev.interval) {
                ev.ctx.check();
                long ref = ts - offset;
                while (pos < loaded.n && loaded.t[pos] <= ref) {
                    pos++;
                }
                if (pos == 0) {
                    continue;
                }
                long t = loaded.t[pos - 1];
                double v = loaded.v[pos - 1];
                if (t < ref - lookback || StaleMarker.is(v)) {
                    continue;
                }
                if (result == null) {
                    result = new EvalSeries(s.labels(), Math.min(steps, loaded.n + 1));
                }
                result.add(ts, v);
            }
            if (result != null) {
                ev.ctx.addSamples(result.n);
                out.add(result);
            }
        }
        return out;
    }

    /**
     * {@code timestamp(selector)}: at each step, the time (in seconds) of the sample the selector
     * picks, name dropped. With {@code @} every step looks at the {@code @} time, as in Prometheus
     * (where the selector's offset is then ignored).
     */
    List<EvalSeries> timestamps(VectorSelector vs) {
        long lookback = ev.ctx.options.lookbackDeltaMillis();
        Long at = vs.timestamp();
        long mint = at != null ? at - lookback : ev.start - vs.offset() - lookback;
        long maxt = at != null ? at : ev.end - vs.offset();
        List<Series> selected = ev.ctx.select(vs.matchers(), mint, maxt);
        List<EvalSeries> loaded = new ArrayList<>(selected.size());
        for (Series s : selected) {
            loaded.add(load(s, mint, maxt, false));
        }
        int[] pos = new int[loaded.size()];
        return ev.rangeEval(null, (args, helpers, ts, out) -> {
            long ref = at != null ? at : ts - vs.offset();
            for (int i = 0; i < loaded.size(); i++) {
                EvalSeries l = loaded.get(i);
                int p = at != null ? 0 : pos[i];
                while (p < l.n && l.t[p] <= ref) {
                    p++;
                }
                pos[i] = p;
                if (p == 0 || l.t[p - 1] < ref - lookback || StaleMarker.is(l.v[p - 1])) {
                    continue;
                }
                out.add(l.metric.withoutMetricName(), l.t[p - 1] / 1000.0);
            }
        }, true);
    }

    /** A range selector evaluated on its own (an instant query such as {@code x[5m]}). */
    List<EvalSeries> matrix(MatrixSelector m) {
        VectorSelector vs = m.vectorSelector();
        long maxt = ev.start - vs.offset();
        long mint = maxt - m.range();
        List<Series> selected = ev.ctx.select(vs.matchers(), mint, maxt);
        List<EvalSeries> out = new ArrayList<>(selected.size());
        for (Series s : selected) {
            ev.ctx.check();
            EvalSeries loaded = load(s, mint, maxt, true);
            if (loaded.n > 0) {
                ev.ctx.addSamples(loaded.n);
                out.add(loaded);
            }
        }
        return out;
    }

    /** A series' samples in {@code [mint, maxt]}, stale markers dropped when asked. */
    static EvalSeries load(Series s, long mint, long maxt, boolean skipStale) {
        EvalSeries loaded = new EvalSeries(s.labels(), 16);
        SampleIterator it = s.iterator();
        if (!it.seek(mint)) {
            return loaded;
        }
        do {
            long t = it.timestamp();
            if (t > maxt) {
                break;
            }
            double v = it.value();
            if (skipStale && StaleMarker.is(v)) {
                continue;
            }
            loaded.add(t, v);
        } while (it.next());
        return loaded;
    }
}
