package dev.vigil.hub.am;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same API v2 requests to a real Alertmanager 0.25 and to the hub's: status codes and bodies
 * must be equal byte for byte once silence ids (numbered in order of appearance) and times near
 * now (the receive time, the resolve timeout) are normalised.
 */
class ApiParityTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

    static final String CONFIG = """
            global:
              resolve_timeout: 5m
            route:
              receiver: default
              group_by: ['alertname']
              group_wait: 1h
              routes:
                - receiver: team
                  matchers: ['team="a"']
                  continue: true
                - receiver: other
                  matchers: ['team=~"a|b"']
            receivers:
              - name: default
              - name: team
                webhook_configs:
                  - url: http://127.0.0.1:1/hook
              - name: other
            inhibit_rules:
              - source_matchers: ['severity="critical"']
                target_matchers: ['severity="warning"']
                equal: ['instance']
            """;

    @TempDir
    Path dir;

    /** One server under test: where it is, and the silence ids it gave out. */
    static final class Side {
        final String base;
        final List<String> ids = new ArrayList<>();

        Side(String base) {
            this.base = base;
        }

        /** Sends; {@code {0}} in the path is the first silence id this side created, and so on. */
        String call(String method, String path, String body) throws Exception {
            for (int i = 0; i < ids.size(); i++) {
                path = path.replace("{" + i + "}", ids.get(i));
                body = body == null ? null : body.replace("{" + i + "}", ids.get(i));
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
            if (body != null) {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> res = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"silenceID\":\"([0-9a-f-]{36})\"").matcher(res.body());
            if (m.find()) {
                ids.add(m.group(1));
            }
            return res.statusCode() + " " + res.headers().firstValue("Content-Type").orElse("-") + "\n" + res.body();
        }
    }

    /** Silence ids numbered by first appearance; times within a day of now as {@code <now>}. */
    static String normalise(String s) {
        Map<String, String> ids = new LinkedHashMap<>();
        Matcher m = UUID.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String id = ids.computeIfAbsent(m.group(), k -> "<id" + (ids.size() + 1) + ">");
            m.appendReplacement(out, id);
        }
        m.appendTail(out);
        Instant now = Instant.now();
        Matcher t = TIME.matcher(out.toString());
        StringBuilder out2 = new StringBuilder();
        while (t.find()) {
            Instant at = Instant.parse(t.group());
            boolean near = Math.abs(Duration.between(at, now).toHours()) < 24;
            t.appendReplacement(out2, near ? "<now>" : t.group());
        }
        t.appendTail(out2);
        return out2.toString();
    }

    @Test
    void sameAnswersAsAlertmanager() throws Exception {
        assumeTrue(RealAlertmanager.installed(), "Alertmanager 0.25 (prometheus-alertmanager) not installed");
        Path config = Files.writeString(dir.resolve("alertmanager.yml"), CONFIG);
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String later = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        String[][] steps = {
            {"GET", "/api/v2/receivers", null},
            {"GET", "/api/v2/alerts", null},
            {"GET", "/api/v2/silences", null},
            {"POST", "/api/v2/alerts", """
                [{"labels":{"alertname":"A","team":"a","instance":"i1","severity":"critical"},
                  "annotations":{"summary":"s <b> & \\u2028","description":"d"},"generatorURL":"http://x/y?a=1&b=2",
                  "startsAt":"%s"},
                 {"labels":{"alertname":"B","instance":"i1","severity":"warning","empty":""}},
                 {"labels":{"alertname":"C","team":"b"},"startsAt":"%s","endsAt":"%s"},
                 {"labels":{"alertname":"Old"},"startsAt":"2020-01-01T00:00:00Z","endsAt":"2020-01-01T01:00:00Z"}]
                """.formatted(start, start, later)},
            {"POST", "/api/v2/alerts", """
                [{"labels":{}},{"labels":{"a":"b"},"startsAt":"2020-01-02T00:00:00Z","endsAt":"2020-01-01T01:00:00Z"},
                 {"labels":{"x":"1"}},{"labels":{"a b":"c"}},{"labels":{"a":"b"},"annotations":{"x y":"1"}}]"""},
            {"POST", "/api/v2/alerts", "xx"},
            {"POST", "/api/v2/alerts", "{}"},
            {"POST", "/api/v2/alerts", "[{\"labels\":{\"a\":\"b\"},\"startsAt\":\"bad\"}]"},
            {"POST", "/api/v2/alerts", "[{\"annotations\":{}}]"},
            {"POST", "/api/v2/alerts", ""},
            {"POST", "/api/v2/alerts", "[{\"labels\":{\"a\":\"b\"},\"generatorURL\":\"not a url ::\"}]"},
            {"SLEEP", "", null},
            {"GET", "/api/v2/alerts", null},
            {"GET", "/api/v2/alerts?filter=alertname%3DA", null},
            {"GET", "/api/v2/alerts?filter=alertname%3D~%22A%7CB%22&filter=instance%3Di1", null},
            {"GET", "/api/v2/alerts?filter=team%21%3D", null},
            {"GET", "/api/v2/alerts?filter=team%3D", null},
            {"GET", "/api/v2/alerts?receiver=team", null},
            {"GET", "/api/v2/alerts?receiver=de.*", null},
            {"GET", "/api/v2/alerts?inhibited=false", null},
            {"GET", "/api/v2/alerts?active=false", null},
            {"GET", "/api/v2/alerts?active=maybe", null},
            {"GET", "/api/v2/alerts?filter=a%3D%22", null},
            {"GET", "/api/v2/alerts?filter=foo", null},
            {"GET", "/api/v2/alerts/groups", null},
            {"GET", "/api/v2/alerts/groups?receiver=other", null},
            {"GET", "/api/v2/alerts/groups?filter=alertname%3DB&inhibited=false", null},
            {"POST", "/api/v2/silences", """
                {"matchers":[{"name":"alertname","value":"B","isRegex":false}],"startsAt":"2020-01-01T00:00:00Z",
                 "endsAt":"2030-01-01T00:00:00Z","createdBy":"me","comment":"c"}"""},
            {"POST", "/api/v2/silences", """
                {"matchers":[{"name":"alertname","value":"A.*","isRegex":true,"isEqual":false},
                 {"name":"team","value":"a","isRegex":false}],"startsAt":"2029-01-01T00:00:00Z",
                 "endsAt":"2030-01-01T00:00:00Z","createdBy":"me","comment":"pending"}"""},
            {"POST", "/api/v2/silences", """
                {"matchers":[{"name":"x","value":"1","isRegex":false}],"startsAt":"2020-01-01T00:00:00Z",
                 "endsAt":"2029-06-01T00:00:00Z","createdBy":"","comment":""}"""},
            {"GET", "/api/v2/silences", null},
            {"GET", "/api/v2/silence/{0}", null},
            {"GET", "/api/v2/alerts", null},
            {"GET", "/api/v2/alerts?silenced=false", null},
            {"GET", "/api/v2/alerts/groups", null},
            {"DELETE", "/api/v2/silence/{2}", null},
            {"DELETE", "/api/v2/silence/{2}", null},
            {"DELETE", "/api/v2/silence/{1}", null},
            {"GET", "/api/v2/silences", null},
            {"GET", "/api/v2/silences?filter=alertname%3DB", null},
            {"GET", "/api/v2/silences?filter=team%3Da", null},
            {"GET", "/api/v2/silences?filter=nope%3D", null},
            {"GET", "/api/v2/silences?filter=alertname%21~A.%2A", null},
            {"GET", "/api/v2/silences?filter=alertname%3D~A.%2A", null},
            {"GET", "/api/v2/silences?filter=alertname%21%3DB", null},
            {"POST", "/api/v2/silences", """
                {"id":"{0}","matchers":[{"name":"alertname","value":"B","isRegex":false}],
                 "startsAt":"2020-01-01T00:00:00Z","endsAt":"2031-01-01T00:00:00Z","createdBy":"me","comment":"new"}"""},
            {"GET", "/api/v2/silences", null},
            {"POST", "/api/v2/silences", """
                {"matchers":[],"startsAt":"2020-01-01T00:00:00Z","endsAt":"2030-01-01T00:00:00Z","createdBy":"me","comment":"c"}"""},
            {"POST", "/api/v2/silences", """
                {"matchers":[{"name":"a","value":"b","isRegex":false}],"startsAt":"2030-01-01T00:00:00Z","endsAt":"2020-01-01T00:00:00Z","createdBy":"me","comment":"c"}"""},
            {"POST", "/api/v2/silences", """
                {"matchers":[{"name":"a","value":"b","isRegex":false}],"startsAt":"2020-01-01T00:00:00Z","endsAt":"2021-01-01T00:00:00Z","createdBy":"me","comment":"c"}"""},
            {"POST", "/api/v2/silences", """
                {"id":"00000000-0000-0000-0000-000000000000","matchers":[{"name":"a","value":"b","isRegex":false}],"startsAt":"2020-01-01T00:00:00Z","endsAt":"2031-01-01T00:00:00Z","createdBy":"me","comment":"c"}"""},
            {"POST", "/api/v2/silences", """
                {"matchers":[{"name":"a","value":"b","isRegex":false}],"startsAt":"2020-01-01T00:00:00Z","endsAt":"2031-01-01T00:00:00Z","createdBy":"me"}"""},
            {"POST", "/api/v2/silences", """
                {"matchers":[{"name":"a","value":"b"}],"startsAt":"2020-01-01T00:00:00Z","endsAt":"2031-01-01T00:00:00Z","createdBy":"me","comment":"c"}"""},
            {"POST", "/api/v2/silences", """
                {"matchers":[{"name":"a","value":"","isRegex":false}],"startsAt":"2020-01-01T00:00:00Z","endsAt":"2031-01-01T00:00:00Z","createdBy":"","comment":""}"""},
            {"POST", "/api/v2/silences", """
                {"matchers":[{"name":"a b","value":"x","isRegex":false}],"startsAt":"2020-01-01T00:00:00Z","endsAt":"2031-01-01T00:00:00Z","createdBy":"","comment":""}"""},
            {"POST", "/api/v2/silences", """
                {"matchers":[{"name":"a","isRegex":false}],"createdBy":"","comment":""}"""},
            {"POST", "/api/v2/silences", "[]"},
            {"POST", "/api/v2/silences", "x"},
            {"GET", "/api/v2/silence/nope", null},
            {"DELETE", "/api/v2/silence/nope", null},
            {"GET", "/api/v2/silence/00000000-0000-0000-0000-000000000000", null},
            {"DELETE", "/api/v2/silence/00000000-0000-0000-0000-000000000000", null},
        };
        try (RealAlertmanager real = new RealAlertmanager(config, dir);
             AmServer ours = new AmServer(config, dir.resolve("hub-am"))) {
            Side theirs = new Side(real.base);
            Side mine = new Side(ours.base);
            List<String> differences = new ArrayList<>();
            for (String[] step : steps) {
                if (step[0].equals("SLEEP")) {
                    Thread.sleep(500);
                    continue;
                }
                String want = normalise(theirs.call(step[0], step[1], step[2]));
                String got = normalise(mine.call(step[0], step[1], step[2]));
                if (!want.equals(got)) {
                    differences.add(step[0] + " " + step[1] + (step[2] == null ? "" : " " + step[2].strip())
                            + "\n  alertmanager: " + want + "\n  hub:          " + got);
                }
            }
            assertEquals("", String.join("\n\n", differences));
            String status = normalise(mine.call("GET", "/api/v2/status", null));
            String theirStatus = normalise(theirs.call("GET", "/api/v2/status", null));
            assertEquals(theirStatus.replaceAll("\"original\":\"(\\\\.|[^\"\\\\])*\"", "")
                            .replaceAll("\"versionInfo\":\\{[^}]*}", ""),
                    status.replaceAll("\"original\":\"(\\\\.|[^\"\\\\])*\"", "")
                            .replaceAll("\"versionInfo\":\\{[^}]*}", ""));
        }
    }
}
