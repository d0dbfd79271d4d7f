package dev.vigil.hub.am;

import dev.vigil.alerting.am.Alertmanager;
import dev.vigil.alerting.am.labels.Matcher;
import dev.vigil.alerting.am.silence.Silence;
import dev.vigil.alerting.am.silence.SilenceException;
import dev.vigil.alerting.am.silence.SilenceState;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET|POST /api/v2/silences}, {@code GET|DELETE /api/v2/silence/{silenceID}} as
 * Alertmanager 0.25 answers them, with its status codes: a create or update that fails is 400 (404
 * for an unknown id), a path id that is not a UUID 422, an unknown id 404 on GET and 500 on DELETE
 * (0.25 answers so), expiring an expired silence 200.
 */
final class SilencesApi {
    /** go-openapi's {@code uuid} format. */
    private static final Pattern UUID = Pattern.compile(
            "(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$");

    private final Alertmanager am;

    SilencesApi(Alertmanager am) {
        this.am = am;
    }

    void routes(HttpRouting.Builder routing) {
        routing.get("/api/v2/silences", this::list);
        routing.post("/api/v2/silences", this::post);
        routing.get("/api/v2/silence/{silenceID}", this::get);
        routing.delete("/api/v2/silence/{silenceID}", this::delete);
    }

    /**
     * Alertmanager's {@code SortSilences}: active, then pending, then expired; active ones by end
     * (soonest first), pending ones by start (soonest first), expired ones by end (latest first).
     */
    static List<Silence> sorted(List<Silence> in, Instant now) {
        Comparator<Silence> order = (a, b) -> {
            SilenceState sa = a.state(now);
            SilenceState sb = b.state(now);
            if (sa != sb) {
                return Integer.compare(rank(sa), rank(sb));
            }
            return switch (sa) {
                case ACTIVE -> a.endsAt().compareTo(b.endsAt());
                case PENDING -> a.startsAt().compareTo(b.startsAt());
                case EXPIRED -> b.endsAt().compareTo(a.endsAt());
            };
        };
        List<Silence> out = new ArrayList<>(in);
        out.sort(order);
        return out;
    }

    private static int rank(SilenceState s) {
        return switch (s) {
            case ACTIVE -> 0;
            case PENDING -> 1;
            case EXPIRED -> 2;
        };
    }

    private void list(ServerRequest req, ServerResponse res) {
        List<Matcher> filter;
        try {
            filter = AmFilters.matchers(AmHttp.query(req).get("filter"));
        } catch (AmFilters.BadFilter e) {
            AmHttp.error(res, 400, e.getMessage());
            return;
        }
        Instant now = am.scheduler().now();
        List<Silence> out = new ArrayList<>();
        for (Silence s : am.silences().list()) {
            if (AmFilters.matches(filter, s)) {
                out.add(s);
            }
        }
        List<Silence> sorted = sorted(out, now);
        AmHttp.ok(res, g -> {
            g.writeStartArray();
            for (Silence s : sorted) {
                AmJson.silence(g, s, now);
            }
            g.writeEndArray();
        });
    }

    private void post(ServerRequest req, ServerResponse res) {
        PostableSilence posted;
        try {
            posted = PostableSilence.read(AmHttp.body(req));
        } catch (AmHttp.Refused r) {
            AmHttp.refused(res, r);
            return;
        }
        Instant now = am.scheduler().now();
        if (!posted.startsAt().isBefore(posted.endsAt())) {
            AmHttp.error(res, 400, "Failed to create silence: start time must be before end time");
            return;
        }
        if (posted.endsAt().isBefore(now)) {
            AmHttp.error(res, 400, "Failed to create silence: end time can't be in the past");
            return;
        }
        if (!posted.id().isEmpty() && am.silences().get(posted.id()).isEmpty()) {
            AmHttp.error(res, 404, "silence not found");
            return;
        }
        String problem = posted.matcherProblem();
        if (problem != null) {
            AmHttp.error(res, 400, "silence invalid: " + problem);
            return;
        }
        String id;
        try {
            id = am.silences().set(posted.silence());
        } catch (SilenceException e) {
            AmHttp.error(res, e.getMessage().equals("silence not found") ? 404 : 400, e.getMessage());
            return;
        }
        AmHttp.ok(res, g -> {
            g.writeStartObject();
            g.writeStringField("silenceID", id);
            g.writeEndObject();
        });
    }

    private String pathId(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().first("silenceID").orElse("");
        if (!UUID.matcher(id).matches()) {
            AmHttp.refused(res, new AmHttp.Refused(422, 601, "silenceID in path must be of type uuid: "
                    + GoJson.string(id)));
            return null;
        }
        return id;
    }

    private void get(ServerRequest req, ServerResponse res) {
        String id = pathId(req, res);
        if (id == null) {
            return;
        }
        Optional<Silence> s = am.silences().get(id);
        if (s.isEmpty()) {
            res.status(404).send();
            return;
        }
        Instant now = am.scheduler().now();
        AmHttp.ok(res, g -> AmJson.silence(g, s.get(), now));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        String id = pathId(req, res);
        if (id == null) {
            return;
        }
        Optional<Silence> s = am.silences().get(id);
        if (s.isPresent() && s.get().state(am.scheduler().now()) == SilenceState.EXPIRED) {
            res.status(200).send();
            return;
        }
        try {
            am.silences().expire(id);
        } catch (SilenceException e) {
            AmHttp.error(res, 500, e.getMessage());
            return;
        }
        res.status(200).send();
    }
}
