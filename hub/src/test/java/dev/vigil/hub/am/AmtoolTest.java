package dev.vigil.hub.am;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code amtool} 0.25 against the hub's Alertmanager: the same commands against a real
 * Alertmanager 0.25 and against ours print the same (silence ids and times normalised); silences
 * survive a restart on the same data directory.
 */
class AmtoolTest {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d( [A-Z]+)?");

    @TempDir
    Path dir;

    /** Runs amtool; returns exit code and output. */
    static String amtool(String url, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(RealAlertmanager.AMTOOL.toString()));
        if (url != null) {
            cmd.add("--alertmanager.url=" + url);
        }
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return p.exitValue() + "\n" + out;
    }

    private static String normalise(String s) {
        Matcher m = UUID.matcher(s);
        List<String> ids = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (!ids.contains(m.group())) {
                ids.add(m.group());
            }
            m.appendReplacement(out, "<id" + (ids.indexOf(m.group()) + 1) + ">");
        }
        m.appendTail(out);
        String text = ISO_TIME.matcher(out).replaceAll("<time>");
        return TIME.matcher(text).replaceAll("<time>").replaceAll(" +", " ");
    }

    @Test
    void amtoolPrintsTheSameAgainstBoth() throws Exception {
        assumeTrue(RealAlertmanager.installed(), "Alertmanager 0.25 (prometheus-alertmanager, amtool) not installed");
        Path config = Files.writeString(dir.resolve("alertmanager.yml"), ApiParityTest.CONFIG);
        String[][] commands = {
            {"alert", "add", "alertname=Disk", "instance=i1", "severity=warning", "--annotation=summary=disk full"},
            {"alert", "add", "alertname=Down", "instance=i1", "severity=critical", "team=a"},
            {"alert", "add", "alertname=Cpu", "instance=i2", "team=b"},
            {"alert", "query"},
            {"alert", "query", "-i"},
            {"alert", "query", "alertname=~D.*"},
            {"alert", "query", "-o", "extended"},
            {"alert", "query", "--receiver=team"},
            {"silence", "add", "alertname=Cpu", "-c", "maintenance", "-a", "me", "-d", "1h"},
            {"silence", "add", "instance=~i.*", "team!=x", "-c", "second", "-a", "you", "-d", "2h"},
            {"silence", "query"},
            {"silence", "query", "-q"},
            {"silence", "query", "alertname=Cpu"},
            {"alert", "query"},
            {"alert", "query", "-s", "-i"},
            {"silence", "expire", "{0}"},
            {"silence", "query"},
            {"silence", "query", "--expired"},
            {"silence", "query", "-o", "json"},
            {"config", "routes"},
            {"config", "routes", "test", "team=a"},
        };
        try (RealAlertmanager real = new RealAlertmanager(config, dir);
             AmServer ours = new AmServer(config, dir.resolve("hub-am"))) {
            List<String> theirIds = new ArrayList<>();
            List<String> ourIds = new ArrayList<>();
            List<String> differences = new ArrayList<>();
            for (String[] c : commands) {
                String want = run(real.base, c, theirIds);
                String got = run(ours.base, c, ourIds);
                if (!normalise(want).equals(normalise(got))) {
                    differences.add(String.join(" ", c) + "\n--- alertmanager:\n" + want + "--- hub:\n" + got);
                }
            }
            assertEquals("", String.join("\n", differences));
        }
    }

    private static String run(String url, String[] command, List<String> ids) throws Exception {
        String[] args = command.clone();
        for (int i = 0; i < args.length; i++) {
            for (int j = 0; j < ids.size(); j++) {
                args[i] = args[i].replace("{" + j + "}", ids.get(j));
            }
        }
        String out = amtool(url, args);
        if (command[0].equals("silence") && command[1].equals("add")) {
            Matcher m = UUID.matcher(out);
            if (m.find()) {
                ids.add(m.group());
            }
        }
        if (command[0].equals("alert") && command[1].equals("add")) {
            Thread.sleep(200);
        }
        return out;
    }

    @Test
    void silencesSurviveARestart() throws Exception {
        assumeTrue(RealAlertmanager.installed(), "amtool not installed");
        Path config = Files.writeString(dir.resolve("alertmanager.yml"), ApiParityTest.CONFIG);
        String id;
        try (AmServer ours = new AmServer(config, dir.resolve("data"))) {
            String out = amtool(ours.base, "silence", "add", "alertname=Kept", "-c", "across restarts", "-a", "me",
                    "-d", "3h");
            Matcher m = UUID.matcher(out);
            assertTrue(m.find(), out);
            id = m.group();
        }
        try (AmServer again = new AmServer(config, dir.resolve("data"))) {
            String out = amtool(again.base, "silence", "query", "-o", "extended");
            assertTrue(out.startsWith("0\n") && out.contains(id) && out.contains("across restarts"), out);
            assertTrue(amtool(again.base, "silence", "expire", id).startsWith("0\n"));
        }
        try (AmServer third = new AmServer(config, dir.resolve("data"))) {
            String out = amtool(third.base, "silence", "query");
            assertFalse(out.contains(id), out);
            assertTrue(amtool(third.base, "silence", "query", "--expired").contains(id));
        }
    }

    @Test
    void exampleConfigPassesAmtoolAndRunsInTheHub() throws Exception {
        assumeTrue(RealAlertmanager.installed(), "amtool not installed");
        Path example = Path.of("../alerting/examples/alertmanager.yml").toAbsolutePath().normalize();
        String check = amtool(null, "check-config", example.toString());
        assertTrue(check.startsWith("0\n"), check);
        try (AmServer ours = new AmServer(example, dir.resolve("data"))) {
            String show = amtool(ours.base, "config", "show");
            assertTrue(show.startsWith("0\n") && show.contains("receiver: ops-mail"), show);
            String routes = amtool(ours.base, "config", "routes", "test", "severity=page", "team=db");
            String local = amtool(null, "config", "routes", "test", "--config.file=" + example, "severity=page",
                    "team=db");
            assertEquals(local.replace("Warning: --config.file flag overrides the --alertmanager.url.\n", ""), routes);
        }
    }
}
