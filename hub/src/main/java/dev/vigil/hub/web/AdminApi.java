package dev.vigil.hub.web;

import dev.vigil.promql.parser.ParseException;
import dev.vigil.promql.parser.Parser;
import dev.vigil.storage.Tsdb;
import dev.vigil.storage.index.Matcher;
import io.helidon.webserver.http.HttpRouting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The TSDB admin API: {@code delete_series}, {@code clean_tombstones} and {@code snapshot} under
 * {@code /api/v1/admin/tsdb/} (POST and PUT). As in Prometheus they answer {@code admin APIs
 * disabled} unless {@code --web.enable-admin-api} is given; beyond Prometheus, when the web config
 * asks for credentials only an admin identity ({@link AdminRoles}) may call them (403 otherwise).
 */
final class AdminApi {
    private static final DateTimeFormatter SNAPSHOT_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Tsdb tsdb;
    private final boolean enabled;
    private final Supplier<AdminRoles> roles;

    AdminApi(Tsdb tsdb, boolean enabled, Supplier<AdminRoles> roles) {
        this.tsdb = tsdb;
        this.enabled = enabled;
        this.roles = roles;
    }

    void routes(HttpRouting.Builder routing) {
        for (String method : List.of("POST", "PUT")) {
            route(routing, method, "/api/v1/admin/tsdb/delete_series", this::deleteSeries);
            route(routing, method, "/api/v1/admin/tsdb/clean_tombstones", this::cleanTombstones);
            route(routing, method, "/api/v1/admin/tsdb/snapshot", this::snapshot);
        }
    }

    private void route(HttpRouting.Builder routing, String method, String path, Json.Call call) {
        Json.Call guarded = req -> {
            if (!enabled) {
                throw ApiError.unavailable("admin APIs disabled");
            }
            if (!roles.get().isAdmin(req.authorization())) {
                throw new ApiError("forbidden", "this endpoint needs an admin identity (admin.users or "
                        + "admin.token_files in the hub's web config)");
            }
            return call.call(req);
        };
        if (method.equals("POST")) {
            routing.post(path, Json.handler(guarded));
        } else {
            routing.put(path, Json.handler(guarded));
        }
    }

    private Json.Answer deleteSeries(ApiRequest req) throws IOException {
        List<String> selectors = req.values("match[]");
        if (selectors.isEmpty()) {
            throw ApiError.badData("no match[] parameter provided");
        }
        long start = ApiParams.time(req, "start", ApiParams.MIN_TIME);
        long end = ApiParams.time(req, "end", ApiParams.MAX_TIME);
        List<List<Matcher>> sets = new ArrayList<>();
        for (String s : selectors) {
            try {
                sets.add(Parser.parseMetricSelector(s));
            } catch (ParseException e) {
                throw ApiError.invalidParam("match[]", e.getMessage());
            }
        }
        for (List<Matcher> set : sets) {
            try {
                tsdb.deleteSeries(set, start, end);
            } catch (IOException e) {
                throw ApiError.internal(e.getMessage());
            }
        }
        return Json.Answer.noContent();
    }

    private Json.Answer cleanTombstones(ApiRequest req) {
        try {
            tsdb.cleanTombstones();
        } catch (IOException e) {
            throw ApiError.internal(e.getMessage());
        }
        return Json.Answer.noContent();
    }

    private Json.Answer snapshot(ApiRequest req) {
        boolean skipHead = false;
        String value = req.value("skip_head");
        if (!value.isEmpty()) {
            skipHead = switch (value) {
                case "1", "t", "T", "TRUE", "true", "True" -> true;
                case "0", "f", "F", "FALSE", "false", "False" -> false;
                default -> throw ApiError.invalidParam("skip_head",
                        "unable to parse boolean: strconv.ParseBool: parsing \"" + value + "\": invalid syntax");
            };
        }
        String name = SNAPSHOT_TIME.format(ZonedDateTime.now(ZoneOffset.UTC))
                + "-" + String.format("%016x", RANDOM.nextLong() & Long.MAX_VALUE);
        Path dir = tsdb.dir().resolve("snapshots").resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw ApiError.internal("create snapshot directory: " + e.getMessage());
        }
        try {
            tsdb.snapshot(dir, !skipHead);
        } catch (IOException e) {
            throw ApiError.internal("create snapshot: " + e.getMessage());
        }
        return Json.Answer.of(g -> {
            g.writeStartObject();
            g.writeStringField("name", name);
            g.writeEndObject();
        });
    }
}
