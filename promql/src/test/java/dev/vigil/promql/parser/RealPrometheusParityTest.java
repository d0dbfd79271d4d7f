package dev.vigil.promql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.promql.ast.Functions;
import dev.vigil.promql.ast.Printer;
import dev.vigil.promql.ast.ValueType;
import dev.vigil.storage.index.Matcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every round-trip and error case of the parser tests, asked of the real Prometheus 2.42:
 * {@code /api/v1/format_query} gives its prettified form (ours: {@link Printer#prettify}) or its
 * parse error, {@code /api/v1/query} its error for a bad query, {@code /api/v1/series} its verdict
 * on a {@code match[]} selector. Skipped only where the binary is not installed (CI installs it).
 */
class RealPrometheusParityTest {
    private static final String PREFIX = "invalid parameter \"query\": ";
    /** Long queries: 2.42 splits what is wider than 100 bytes over indented lines. */
    private static final List<String> WIDE = List.of(
            "sum by (job, instance, mode) (rate(node_cpu_seconds_total{mode!=\"idle\",job=\"node-exporter\","
                    + "instance=~\"host-.*\"}[5m]))",
            "topk(10, sum by (job, instance, mode) (rate(node_cpu_seconds_total{mode!=\"idle\",job=\"node\"}[5m])))",
            "rate(http_requests_total{job=\"api-server\",handler=\"/api/v1/query\",code=~\"5..\",instance=\"h:9\"}"
                    + "[5m]) / rate(http_requests_total{job=\"api-server\",handler=\"/api/v1/query\"}[5m])",
            "histogram_quantile(0.99, sum by (le, job, instance) (rate(http_request_duration_seconds_bucket"
                    + "{job=\"api-server\"}[5m])))",
            "label_replace(up{job=\"api-server\",instance=\"host-1:9090\",cluster=\"production\"}, \"host\", \"$1\", "
                    + "\"instance\", \"(.*):.*\")",
            "(rate(http_requests_total{job=\"api-server\",handler=\"/api/v1/query\",code=~\"5..\",instance=\"host\"}"
                    + "[5m]))",
            "-rate(http_requests_total{job=\"api-server\",handler=\"/api/v1/query\",code=~\"5..\",instance=\"host\"}"
                    + "[5m])",
            "max_over_time(rate(http_requests_total{job=\"api-server\",handler=\"/api/v1/query\",code=~\"5..\"}[5m])"
                    + "[1h:1m] offset 5m)",
            "a * on (instance, job) group_left (node, cluster, region) node_uname_info{job=\"node-exporter\","
                    + "instance=~\"host-.*\"}",
            "count_values(\"version\", build_info{job=\"api-server\",handler=\"/api/v1/query\",code=~\"5..\","
                    + "instance=\"host-1:9090\"})",
            "1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14 + 15 + 16 + 17 + 18 + 19 + 20 + 21 + 22 + 23",
            "(a_very_long_metric_name_number_one_abcdefghij + a_very_long_metric_name_number_two_abcdefghij)[5m:] "
                    + "@ start()",
            "sum(rate(node_cpu_seconds_total{mode!=\"idle\",job=\"node-exporter\",instance=~\"host-.*\","
                    + "cluster=\"eu\"}[5m])) by (instance) > bool 0.5",
            "foo{a=\"éééééééééééééééééééééééééééééééééééééééééééééééééééééééé\"} + 1");
    /**
     * Operator precedence and associativity made visible: with operands this long every binary
     * node is split, so the layout shows the tree's shape.
     */
    private static final List<String> SHAPES = shapes("a".repeat(40), "b".repeat(40), "c".repeat(40),
            "d".repeat(40));
    private static final List<String> SELECTORS = List.of("foo", "foo{a=\"b\"}", "{a=\"b\",c=~\"d.*\"}",
            "sum{a=\"b\"}", "by", "offset{a=\"b\"}", "foo:bar", "foo{", "foo bar", "foo offset 5m", "sum(x)", "",
            "rate(x[5m])", "foo{a=~\"(\"}", "{}", "{a=\"\"}", "foo{__name__=\"bar\"}", "{a=\"b\"} @ 5", "foo[5m]");

    @TempDir
    static Path dir;
    private static RealPrometheus prometheus;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(RealPrometheus.available(), "Prometheus is not installed at " + RealPrometheus.BINARY);
        prometheus = RealPrometheus.start(dir);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> formatQueryAgrees() {
        List<String> queries = new ArrayList<>(WIDE);
        queries.addAll(SHAPES);
        Stream.of(ParserRoundTripTest.cases()).forEach(c -> queries.add(c[0]));
        Stream.of(ParseErrorTest.cases()).forEach(c -> queries.add(c[0]));
        return queries.stream().map(q -> DynamicTest.dynamicTest(name(q), () -> {
            RealPrometheus.Answer answer = prometheus.ask("/api/v1/format_query", "query", q);
            assertEquals(answer.ok() ? answer.data() : answer.error(), ours(q));
        }));
    }

    @TestFactory
    Stream<DynamicTest> queryErrorsAgree() {
        return Stream.of(ParseErrorTest.cases()).map(c -> DynamicTest.dynamicTest(name(c[0]), () -> {
            RealPrometheus.Answer answer = prometheus.ask("/api/v1/query", "query", c[0]);
            assertTrue(!answer.ok() && answer.error().startsWith(PREFIX), answer.toString());
            assertEquals(answer.error().substring(PREFIX.length()), c[1]);
        }));
    }

    /**
     * Our signature table against 2.42's: each function called with its declared arguments, with
     * one too few, and with one too many, must parse or fail exactly as Prometheus says.
     */
    @TestFactory
    Stream<DynamicTest> functionSignaturesAgree() {
        return Functions.all().values().stream().flatMap(f -> {
            List<String> args = new ArrayList<>();
            for (ValueType type : f.argTypes()) {
                args.add(switch (type) {
                    case MATRIX -> "x[5m]";
                    case SCALAR -> "1";
                    case STRING -> "\"a\"";
                    default -> "x";
                });
            }
            List<String> fewer = args.isEmpty() ? args : args.subList(0, args.size() - 1);
            List<String> more = new ArrayList<>(args);
            more.add(args.isEmpty() ? "x" : args.get(args.size() - 1));
            return Stream.of(args, fewer, more).map(a -> f.name() + "(" + String.join(", ", a) + ")").distinct();
        }).map(q -> DynamicTest.dynamicTest(q, () -> {
            RealPrometheus.Answer answer = prometheus.ask("/api/v1/format_query", "query", q);
            assertEquals(answer.ok() ? answer.data() : answer.error(), ours(q));
        }));
    }

    @TestFactory
    Stream<DynamicTest> seriesSelectorsAgree() {
        return SELECTORS.stream().map(s -> DynamicTest.dynamicTest(name(s), () -> {
            RealPrometheus.Answer answer = prometheus.ask("/api/v1/series", "match[]", s);
            String theirs = answer.ok() ? "ok" : answer.error().replace("invalid parameter \"match[]\": ", "");
            String ours;
            try {
                List<Matcher> matchers = Parser.parseMetricSelector(s);
                boolean selective = matchers.stream().anyMatch(m -> !m.matches(""));
                ours = selective ? "ok" : "match[] must contain at least one non-empty matcher";
            } catch (ParseException e) {
                ours = e.getMessage();
            }
            assertEquals(theirs, ours);
        }));
    }

    private static List<String> shapes(String a, String b, String c, String d) {
        return List.of(a + " - " + b + " - " + c, a + " ^ " + b + " ^ " + c, a + " / " + b + " * " + c,
                a + " + " + b + " * " + c, a + " * " + b + " + " + c, a + " or " + b + " and " + c + " unless " + d,
                a + " == bool " + b + " + " + c, "-" + a + " ^ " + b + " * " + c, "-" + a + " * " + b + " ^ " + c,
                a + " atan2 " + b + " ^ " + c + " % " + d, a + " > " + b + " < " + c + " >= " + d,
                a + " unless on (x) " + b + " or ignoring (y) " + c, "-" + a + " + -" + b + " - -" + c,
                a + " + " + b + " offset 5m * " + c, a + " @ 5 + " + b + "[5m:] @ 10 - " + c,
                "sum by (x) (" + a + " + " + b + ") + " + c, "topk(5, " + a + " + " + b + " + " + c + ")",
                a + " + " + b + " unless " + c + " * " + d, "- - " + a + " * " + b + " * " + c,
                a + " / on (l) group_left (m) " + b + " / ignoring (n) group_right " + c, a + " ^ -" + b + " ^ " + c,
                "-(" + a + " + " + b + ") ^ 2 + " + c, a + " % -" + b + "[1m:] + " + c,
                "1 + 2 * 3 ^ 4 ^ 5 - 6 / 7 % 8 atan2 9 + " + "1".repeat(70));
    }

    /** JUnit refuses blank test names; blank queries are cases too. */
    private static String name(String query) {
        return query.isBlank() ? "[" + query + "]" : query;
    }

    private static String ours(String query) {
        try {
            return Printer.prettify(Parser.parseExpr(query));
        } catch (ParseException e) {
            return PREFIX + e.getMessage();
        }
    }
}
