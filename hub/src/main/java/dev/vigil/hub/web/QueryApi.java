package dev.vigil.hub.web;

import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.Printer;
import dev.vigil.promql.engine.Engine;
import dev.vigil.promql.engine.ErrorType;
import dev.vigil.promql.engine.Query;
import dev.vigil.promql.engine.QueryException;
import dev.vigil.promql.engine.Queryable;
import dev.vigil.promql.engine.Result;
import dev.vigil.promql.parser.ParseException;
import dev.vigil.promql.parser.Parser;
import io.helidon.webserver.http.HttpRouting;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * {@code /api/v1/query}, {@code /api/v1/query_range} (GET and POST form), {@code
 * /api/v1/query_exemplars} (always empty: the hub stores no exemplars) and {@code
 * /api/v1/format_query}, with Prometheus 2.42's parameters, limits and error messages.
 */
final class QueryApi {
    /** Points per series a range query may return, as in Prometheus. */
    static final long MAX_POINTS = 11_000;
    /** Fires the per-request {@code timeout}s; one daemon thread, the queries run on their own. */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("query-timeout").factory());

    private final Engine engine;
    private final Queryable storage;
    private final LongSupplier clock;

    QueryApi(Engine engine, Queryable storage, LongSupplier clock) {
        this.engine = engine;
        this.storage = storage;
        this.clock = clock;
    }

    void routes(HttpRouting.Builder routing) {
        routing.get("/api/v1/query", Json.handler(this::query));
        routing.post("/api/v1/query", Json.handler(this::query));
        routing.get("/api/v1/query_range", Json.handler(this::queryRange));
        routing.post("/api/v1/query_range", Json.handler(this::queryRange));
        routing.get("/api/v1/query_exemplars", Json.handler(this::exemplars));
        routing.post("/api/v1/query_exemplars", Json.handler(this::exemplars));
        routing.get("/api/v1/format_query", Json.handler(this::formatQuery));
        routing.post("/api/v1/format_query", Json.handler(this::formatQuery));
    }

    private Json.Answer query(ApiRequest req) {
        long time = ApiParams.time(req, "time", clock.getAsLong());
        long timeout = timeoutNanos(req);
        Expr expr;
        try {
            expr = Parser.parseExpr(req.value("query"));
        } catch (ParseException e) {
            throw ApiError.invalidParam("query", e.getMessage());
        }
        return run(engine.instantQuery(storage, expr, time), timeout);
    }

    private Json.Answer queryRange(ApiRequest req) {
        long start = parseRequired(req, "start");
        long end = parseRequired(req, "end");
        if (end < start) {
            throw ApiError.invalidParam("end", "end timestamp must not be before start time");
        }
        long stepNanos = ApiParams.duration(req, "step");
        if (stepNanos <= 0) {
            throw ApiError.invalidParam("step", "zero or negative query resolution step widths are not accepted. "
                    + "Try a positive integer");
        }
        long spanNanos;
        try {
            spanNanos = Math.multiplyExact(Math.subtractExact(end, start), 1_000_000L);
        } catch (ArithmeticException e) {
            spanNanos = Long.MAX_VALUE;
        }
        if (spanNanos / stepNanos > MAX_POINTS) {
            throw ApiError.badData("exceeded maximum resolution of 11,000 points per timeseries. "
                    + "Try decreasing the query resolution (?step=XX)");
        }
        long timeout = timeoutNanos(req);
        Query query;
        try {
            query = engine.rangeQuery(storage, Parser.parseExpr(req.value("query")), start, end, stepNanos / 1_000_000L);
        } catch (ParseException | IllegalArgumentException e) {
            throw ApiError.badData(e.getMessage()); // unwrapped for range queries, as in Prometheus
        }
        return run(query, timeout);
    }

    /** Prometheus' {@code parseTime(r.FormValue(name))}: required, wrapped as an invalid parameter. */
    private static long parseRequired(ApiRequest req, String name) {
        try {
            return ApiParams.parseTime(req.value(name));
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidParam(name, e.getMessage());
        }
    }

    /** The {@code timeout} parameter in nanoseconds, or 0 for none. */
    private static long timeoutNanos(ApiRequest req) {
        return req.value("timeout").isEmpty() ? 0 : ApiParams.duration(req, "timeout");
    }

    /**
     * Runs a query. A request's own {@code timeout} (shorter than the engine's) cancels it; the
     * cancellation then reads as the timeout it is.
     */
    private static Json.Answer run(Query query, long timeoutNanos) {
        ScheduledFuture<?> timer = timeoutNanos > 0
                ? TIMER.schedule(query::cancel, timeoutNanos, TimeUnit.NANOSECONDS) : null;
        Result result;
        try {
            result = query.exec();
        } catch (QueryException e) {
            if (e.errorType() == ErrorType.CANCELED && timer != null && timer.isDone()) {
                throw new ApiError("timeout", e.getMessage().replace("query was canceled in", "query timed out in"));
            }
            throw new ApiError(e.errorType().text(), e.getMessage());
        } catch (RuntimeException e) {
            // a bug in evaluation must not take the request (or the hub) down
            throw ApiError.execution("unexpected error: " + e);
        } finally {
            if (timer != null) {
                timer.cancel(false);
            }
        }
        return new Json.Answer(g -> ValueJson.write(g, result.value()), result.warnings());
    }

    /** Grafana asks for exemplars; the hub keeps none, so every valid query finds an empty list. */
    private Json.Answer exemplars(ApiRequest req) {
        long start = ApiParams.time(req, "start", ApiParams.MIN_TIME);
        long end = ApiParams.time(req, "end", ApiParams.MAX_TIME);
        if (end < start) {
            throw ApiError.badData("end timestamp must not be before start timestamp");
        }
        try {
            Parser.parseExpr(req.value("query"));
        } catch (ParseException e) {
            throw ApiError.badData(e.getMessage());
        }
        return Json.Answer.of(g -> {
            g.writeStartArray();
            g.writeEndArray();
        });
    }

    /** The query pretty-printed, as Prometheus 2.42's {@code format_query} answers it. */
    private Json.Answer formatQuery(ApiRequest req) {
        Expr expr;
        try {
            expr = Parser.parseExpr(req.value("query"));
        } catch (ParseException e) {
            throw ApiError.invalidParam("query", e.getMessage());
        }
        String text = Printer.prettify(expr);
        return Json.Answer.of(g -> g.writeString(text));
    }
}
