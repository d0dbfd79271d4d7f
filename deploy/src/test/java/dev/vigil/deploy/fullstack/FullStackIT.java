package dev.vigil.deploy.fullstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.vigil.container.docker.DockerSupport;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Vigil end to end in Docker, as an operator runs it: a hub container and three "VM" containers
 * from the offline image, all on the host's network with loopback ports. Each VM runs the node,
 * container and JVM exporters (three processes in the container's own PID namespace, so the JVM
 * exporter sees the VM's JVMs and the container exporter the VM's cgroup as its root), all serving
 * mutual TLS with the VM's certificate. The hub finds the node exporters through a file_sd file the
 * test writes while it runs and the container and JVM exporters through their announcements
 * ({@code --hub.url}, authenticated with a bearer token), scrapes all nine with its client
 * certificate, and evaluates a rule on the container exporters' CPU figures. A CPU burn started
 * with {@code docker exec} in VM 2 fires it; the built-in Alertmanager sends it to a webhook and
 * to an SMTP server (GreenMail), both in this JVM. Then a silence (for VM 3), {@code docker kill
 * --signal KILL} of the hub and a new hub container on the same data directory: the samples from
 * before the kill, the silence (which keeps VM 3's alert, fired after the restart, quiet) and the
 * notification log (VM 2's alert, still firing, is not sent again) must all be there.
 *
 * <p>Everything the containers get is under {@code target/fullstack-it/} (configs, PKI, the hub's
 * data, every container's log after the run). Run alone:
 * {@code VIGIL_DOCKER_REQUIRED=1 bin/mvn -B -o -pl deploy -am verify -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FullStackIT -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
class FullStackIT {
    private static final Path MODULE = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    private static final String ALERT = "VmCpuBurn";
    private static final String RECEIVER = "ops";
    private static final String MAIL_FROM = "vigil@example.org";
    private static final String MAIL_TO = "ops@example.org";
    private static final String BURN = "while :; do :; done";
    private static final List<String> JOBS = List.of("node", "container", "jvm");

    /** One simulated VM: its container and its exporters' loopback ports. */
    record Vm(String name, String container, int nodePort, int containerPort, int jvmPort) {
        int port(String job) {
            return switch (job) {
                case "node" -> nodePort;
                case "container" -> containerPort;
                case "jvm" -> jvmPort;
                default -> throw new IllegalArgumentException(job);
            };
        }
    }

    private final long pid = ProcessHandle.current().pid();
    private final String hubContainer = Docker.PREFIX + "hub-" + pid;
    private final long t0 = System.nanoTime();
    private Path work;
    private Path logs;
    private HubClient hub;

    @Test
    @Timeout(value = 280, unit = TimeUnit.SECONDS)
    void vmsAreScrapedOverMutualTlsAnAlertReachesWebhookAndMailAndAHubKillLosesNothing() throws Exception {
        DockerSupport.requireEngine();
        work = MODULE.resolve("target/fullstack-it");
        deleteTree(work);
        logs = Files.createDirectories(work.resolve("logs"));

        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        try (Docker docker = new Docker(); WebhookSink webhook = new WebhookSink()) {
            smtp.start();
            try {
                run(docker, webhook, smtp);
            } finally {
                for (String name : List.of(hubContainer, vmContainer(1), vmContainer(2), vmContainer(3))) {
                    try {
                        Files.writeString(logs.resolve(name + ".log"), docker.logs(name));
                    } catch (IOException e) {
                        System.err.println("could not keep " + name + "'s log: " + e);
                    }
                }
            }
        } finally {
            smtp.stop();
        }
    }

    private static String vmContainer(int i) {
        return Docker.PREFIX + "vm" + i + "-" + ProcessHandle.current().pid();
    }

    private void run(Docker docker, WebhookSink webhook, GreenMail smtp) throws Exception {
        String image = docker.buildImage(MODULE);
        step("image " + image);

        // --- configuration, as an operator writes it -------------------------------------------
        Pki pki = new Pki(Files.createDirectories(work.resolve("pki")));
        int hubPort = freePort();
        List<Vm> vms = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            vms.add(new Vm("vm" + i, vmContainer(i), freePort(), freePort(), freePort()));
        }
        Path etc = Files.createDirectories(work.resolve("hub"));
        Files.createDirectories(etc.resolve("pki")); // mount points inside the read-only /etc/vigil
        Path sd = Files.createDirectories(etc.resolve("sd"));
        String adminToken = token();
        String exporterToken = token();
        Files.writeString(etc.resolve("admin.token"), adminToken + "\n");
        Files.writeString(etc.resolve("exporters.token"), exporterToken + "\n");
        Files.writeString(etc.resolve("web.yml"), """
                # Every API needs a token; the exporters' token may announce and read, only the
                # admin's may change silences or reload.
                bearer_auth:
                  token_files: [/etc/vigil/admin.token, /etc/vigil/exporters.token]
                admin:
                  token_files: [/etc/vigil/admin.token]
                """);
        Files.writeString(etc.resolve("hub.yml"), hubConfig());
        Files.writeString(etc.resolve("rules.yml"), """
                groups:
                  - name: fullstack
                    interval: 2s
                    rules:
                      - alert: VmCpuBurn
                        # The container exporter inside a VM sees the VM's cgroup as its root ("/").
                        # An idle VM uses about 0.02 CPU; the burn, one busy loop, up to a whole one.
                        # The window is much longer than the hub's restart: samples missing while it
                        # is down make rate() underestimate (it divides by the whole window), and
                        # with a short one the alert would resolve and fire again after a restart.
                        expr: sum by (vm, instance) (rate(container_cpu_usage_seconds_total{job="container",id="/"}[1m])) > 0.25
                        for: 10s
                        labels:
                          severity: warning
                        annotations:
                          summary: A VM's processes use more than a quarter of a CPU
                """);
        Files.writeString(etc.resolve("alertmanager.yml"), """
                route:
                  receiver: ops
                  group_by: [alertname, vm]
                  group_wait: 1s
                  group_interval: 5s
                  repeat_interval: 1h
                receivers:
                  - name: ops
                    webhook_configs:
                      - url: %s
                    email_configs:
                      - to: %s
                        from: %s
                        smarthost: 127.0.0.1:%d
                        require_tls: false
                """.formatted(webhook.url(), MAIL_TO, MAIL_FROM, smtp.getSmtp().getPort()));
        for (Vm vm : vms) {
            Path dir = Files.createDirectories(work.resolve(vm.name()));
            Files.writeString(dir.resolve("web-config.yml"), pki.serverFor(vm.name(), "/etc/vigil/pki"));
            Files.writeString(dir.resolve("hub.token"), exporterToken + "\n");
        }
        Path data = Files.createDirectories(work.resolve("hub-data"));

        // --- the stack comes up -------------------------------------------------------------------
        long hubStarted = System.currentTimeMillis();
        startHub(docker, image, hubPort, etc, data);
        for (Vm vm : vms) {
            startVm(docker, image, vm, hubPort);
        }
        hub = new HubClient(hubPort, adminToken);
        await("the hub ready", Duration.ofSeconds(90), () -> hub.get("/-/ready"), r -> r.status() == 200,
                () -> docker.state(hubContainer).equals("running"));
        step("hub ready");
        assertEquals(401, hub.getAnonymous("/api/v1/targets").status(), "the hub's API needs a token");

        // Mutual TLS on every exporter: with the hub's client certificate /metrics answers, with none
        // the handshake is refused.
        SSLContext withCert = pki.client(true);
        SSLContext withoutCert = pki.client(false);
        for (Vm vm : vms) {
            for (String job : JOBS) {
                String url = "https://127.0.0.1:" + vm.port(job) + "/metrics";
                String body = await(vm.name() + "'s " + job + " exporter serving TLS", Duration.ofSeconds(90),
                        () -> Pki.get(withCert, url), b -> true, () -> docker.state(vm.container()).equals("running"));
                assertTrue(body.contains("# TYPE " + job + "_"), url + " serves " + job + "_* metrics");
                assertThrows(IOException.class, () -> Pki.get(withoutCert, url), url + " without a client certificate");
            }
        }

        // file_sd: the node exporters appear when the test writes the targets file the hub watches.
        StringBuilder targets = new StringBuilder();
        for (Vm vm : vms) {
            targets.append("- targets: ['127.0.0.1:").append(vm.nodePort()).append("']\n  labels: {vm: ")
                    .append(vm.name()).append("}\n");
        }
        Path tmp = sd.resolve(".nodes.yml.tmp");
        Files.writeString(tmp, targets);
        Files.move(tmp, sd.resolve("nodes.yml"), StandardCopyOption.ATOMIC_MOVE);

        step("exporters serve mTLS; targets file written");
        JsonArray active = awaitAllTargetsUp(vms);
        step("9 targets up");
        for (Vm vm : vms) {
            for (String job : JOBS) {
                JsonObject t = target(active, job, vm.port(job));
                JsonObject discovered = t.getAsJsonObject("discoveredLabels");
                JsonObject labels = t.getAsJsonObject("labels");
                assertEquals("https://127.0.0.1:" + vm.port(job) + "/metrics", t.get("scrapeUrl").getAsString());
                assertEquals(vm.name(), str(labels, "vm"), t.toString());
                assertEquals("127.0.0.1:" + vm.port(job), str(labels, "instance"), t.toString());
                if (job.equals("node")) {
                    assertEquals("/etc/vigil/sd/nodes.yml", str(discovered, "__meta_filepath"), t.toString());
                } else {
                    assertEquals("vigil-" + job + "-exporter", str(discovered, "__meta_vigil_exporter"), t.toString());
                    assertEquals(vm.name(), str(discovered, "__meta_vigil_label_vm"), t.toString());
                    assertEquals("https", str(discovered, "__scheme__"), "announced with TLS: " + t);
                }
            }
        }
        // What each VM's exporters see is the VM's own: the JVM exporter finds the VM's node exporter
        // JVM (started with perf data), the container exporter the VM's cgroup as "/".
        await("every VM's JVM and cgroup in the hub", Duration.ofSeconds(30),
                () -> hub.query("count by (vm) (jvm_memory_used_bytes{job=\"jvm\",area=\"heap\","
                        + "main=\"dev.vigil.node.NodeExporterMain\"}) == 1 and on (vm) "
                        + "count by (vm) (container_memory_working_set_bytes{job=\"container\",id=\"/\"})",
                        System.currentTimeMillis()).getAsJsonObject(),
                d -> d.getAsJsonArray("result").size() == 3, () -> true);
        assertEquals("[]", firing(ALERT), "no VM burns CPU yet");

        // --- a CPU burn in VM 2 fires the rule; webhook and email receive it ---------------------
        Vm vm2 = vms.get(1);
        burn(docker, vm2);
        step("burning CPU in vm2");
        WebhookSink.Delivery delivery = await("the alert at the webhook", Duration.ofSeconds(120),
                webhook::deliveries, d -> !d.isEmpty(), () -> true).get(0);
        assertTrue(smtp.waitForIncomingEmail(TimeUnit.SECONDS.toMillis(60), 1), "an email within a minute");
        step("webhook and email received");
        checkWebhookPayload(delivery.json(), vm2, hubPort);
        checkEmail(smtp.getReceivedMessages()[0], vm2);

        // --- a silence for VM 3, then kill -9 of the hub and a new container on the same data ------
        String silenceId = createSilence(vms.get(2));
        long snapshotAt = System.currentTimeMillis() - 5000; // every scrape before it is appended by now
        Map<String, String> before = snapshot(hubStarted, snapshotAt);
        // The notification log is written within a second of a notification (NotificationLog.SYNC_INTERVAL).
        long sinceLastNotification = System.currentTimeMillis() - delivery.receivedAtMillis();
        Thread.sleep(Math.max(0, 2000 - sinceLastNotification));

        step("silence created, " + before.size() + " queries answered; kill -9 of the hub");
        docker.check(Duration.ofSeconds(30), "kill", "--signal", "KILL", hubContainer);
        await("the hub container gone", Duration.ofSeconds(30), () -> docker.state(hubContainer),
                s -> s.equals("exited"), () -> true);
        assertEquals("137", docker.check(Duration.ofSeconds(30), "inspect", "--format", "{{.State.ExitCode}}",
                hubContainer).out().strip(), "killed by SIGKILL");
        Files.writeString(logs.resolve(hubContainer + "-killed.log"), docker.logs(hubContainer));
        docker.remove(hubContainer);
        int deliveriesBefore = webhook.deliveries().size();

        startHub(docker, image, hubPort, etc, data);
        await("the restarted hub ready", Duration.ofSeconds(90), () -> hub.get("/-/ready"), r -> r.status() == 200,
                () -> docker.state(hubContainer).equals("running"));

        step("restarted hub ready");
        // The silence is there and active, unchanged.
        JsonObject silence = hub.get("/api/v2/silence/" + silenceId).json();
        assertEquals("active", silence.getAsJsonObject("status").get("state").getAsString(), silence.toString());
        assertEquals(silenceMatchers(vms.get(2)), matchers(silence.getAsJsonArray("matchers")), silence.toString());

        // No sample lost: the same queries over the time before the kill answer exactly as before.
        assertSame("samples from before the kill", before, snapshot(hubStarted, snapshotAt));

        // VM 3's alert fires after the restart and stays quiet under the silence; VM 2's alert, still
        // firing, is back in the Alertmanager but already notified: not sent again.
        awaitAllTargetsUp(vms);
        step("data, silence checked; burning CPU in vm3");
        burn(docker, vms.get(2));
        await("VM 3's alert silenced and VM 2's active", Duration.ofSeconds(120),
                () -> hub.get("/api/v2/alerts?filter=" + HubClient.enc("alertname=\"" + ALERT + "\"")).body(),
                body -> alertState(body, "vm3").equals("suppressed " + silenceId) && alertState(body, "vm2").equals("active"),
                () -> docker.state(hubContainer).equals("running"));
        step("vm3 silenced, vm2 active again");
        Thread.sleep(8000); // group_wait 1s + group_interval 5s + 2s: room for a duplicate to arrive
        List<WebhookSink.Delivery> all = webhook.deliveries();
        assertEquals(1, all.size(), "one notification across the kill (notification log kept, VM 3 silenced): "
                + all.stream().map(WebhookSink.Delivery::body).toList());
        assertEquals(deliveriesBefore, all.size());
        assertEquals(1, smtp.getReceivedMessages().length, "one email across the kill");
    }

    private String hubConfig() {
        String tls = """
                    tls_config:
                      ca_file: /etc/vigil/pki/ca.crt
                      cert_file: /etc/vigil/pki/hub-client.crt
                      key_file: /etc/vigil/pki/hub-client.key
                """;
        StringBuilder y = new StringBuilder("""
                global:
                  scrape_interval: 2s
                  scrape_timeout: 2s
                  evaluation_interval: 2s
                rule_files: [/etc/vigil/rules.yml]
                scrape_configs:
                  # The node exporters: a file the operator (here the test) maintains.
                  - job_name: node
                    scheme: https
                """).append(tls).append("""
                    file_sd_configs:
                      - files: [/etc/vigil/sd/*.yml]
                """);
        for (String job : List.of("container", "jvm")) {
            y.append("  # The ").append(job).append(" exporters announce themselves (--hub.url).\n")
                    .append("  - job_name: ").append(job).append("\n").append(tls).append("""
                        vigil_sd_configs: [{}]
                        relabel_configs:
                          - source_labels: [__meta_vigil_exporter]
                            regex: vigil-%s-exporter
                            action: keep
                          - source_labels: [__meta_vigil_label_vm]
                            target_label: vm
                    """.formatted(job));
        }
        return y.toString();
    }

    private void startHub(Docker docker, String image, int port, Path etc, Path data) throws IOException {
        // The hub runs as the user who owns target/, so the data it writes stays removable.
        int uid = (Integer) Files.getAttribute(data, "unix:uid");
        int gid = (Integer) Files.getAttribute(data, "unix:gid");
        docker.run(hubContainer, List.of("--network", "host", "--user", uid + ":" + gid,
                "-e", "VIGIL_HEAP=160m",
                "-v", etc + ":/etc/vigil:ro", "-v", work.resolve("pki") + ":/etc/vigil/pki:ro",
                "-v", data + ":/var/lib/vigil/hub",
                image, "vigil-hub", "--config.file=/etc/vigil/hub.yml", "--web.config.file=/etc/vigil/web.yml",
                "--alertmanager.config.file=/etc/vigil/alertmanager.yml", "--storage.tsdb.path=/var/lib/vigil/hub",
                "--web.listen-address=127.0.0.1:" + port, "--web.external-url=http://127.0.0.1:" + port));
    }

    /**
     * A VM: the three exporters as three processes in one container (its own PID namespace and
     * /tmp, the host's network), each on its loopback port with the VM's web-config. The node
     * exporter is found through file_sd; the container and JVM exporters announce themselves
     * every 5 s. If one exporter exits, the container exits (and the test sees it).
     */
    private void startVm(Docker docker, String image, Vm vm, int hubPort) {
        String common = "--web.config.file=/etc/vigil/vm/web-config.yml";
        String announce = "--hub.url=http://127.0.0.1:" + hubPort + " --hub.token-file=/etc/vigil/vm/hub.token"
                + " --hub.announce-interval=5s --hub.label=vm=" + vm.name();
        String script = String.join("\n",
                // Perf data on for the node exporter, so the VM has a JVM the JVM exporter can read.
                "JAVA_OPTS=\"$JAVA_OPTS -XX:+UsePerfData\" vigil-node-exporter --web.listen-address=127.0.0.1:"
                        + vm.nodePort() + " " + common + " &",
                "vigil-container-exporter --web.listen-address=127.0.0.1:" + vm.containerPort()
                        + " --hub.advertise-address=127.0.0.1:" + vm.containerPort() + " " + common + " " + announce + " &",
                "vigil-jvm-exporter --web.listen-address=127.0.0.1:" + vm.jvmPort()
                        + " --hub.advertise-address=127.0.0.1:" + vm.jvmPort() + " " + common + " " + announce + " &",
                "wait -n",
                "echo 'an exporter exited' >&2",
                "exit 1");
        docker.run(vm.container(), List.of("--network", "host",
                "-v", work.resolve("pki") + ":/etc/vigil/pki:ro", "-v", work.resolve(vm.name()) + ":/etc/vigil/vm:ro",
                image, "bash", "-c", script));
    }

    /** A busy loop in the VM (docker exec: it runs in the VM's cgroup until the container goes). */
    private static void burn(Docker docker, Vm vm) {
        docker.check(Duration.ofSeconds(30), "exec", "-d", vm.container(), "bash", "-c", BURN);
    }

    private JsonArray awaitAllTargetsUp(List<Vm> vms) throws Exception {
        JsonObject data = await("9 targets up", Duration.ofSeconds(90),
                () -> hub.v1("/api/v1/targets?state=active").getAsJsonObject(),
                d -> {
                    JsonArray a = d.getAsJsonArray("activeTargets");
                    int up = 0;
                    for (JsonElement t : a) {
                        up += t.getAsJsonObject().get("health").getAsString().equals("up") ? 1 : 0;
                    }
                    return a.size() == vms.size() * JOBS.size() && up == a.size();
                }, () -> true);
        return data.getAsJsonArray("activeTargets");
    }

    private static JsonObject target(JsonArray active, String job, int port) {
        for (JsonElement e : active) {
            JsonObject t = e.getAsJsonObject();
            if (str(t.getAsJsonObject("labels"), "job").equals(job)
                    && str(t.getAsJsonObject("labels"), "instance").equals("127.0.0.1:" + port)) {
                return t;
            }
        }
        throw new AssertionError("no " + job + " target on port " + port + " in " + active);
    }

    private void checkWebhookPayload(JsonObject p, Vm vm, int hubPort) {
        String instance = "127.0.0.1:" + vm.containerPort();
        assertEquals("4", p.get("version").getAsString(), p.toString());
        assertEquals("firing", p.get("status").getAsString(), p.toString());
        assertEquals(RECEIVER, p.get("receiver").getAsString(), p.toString());
        assertEquals("{}:{alertname=\"" + ALERT + "\", vm=\"" + vm.name() + "\"}", p.get("groupKey").getAsString());
        assertEquals(0, p.get("truncatedAlerts").getAsInt(), p.toString());
        assertEquals("http://127.0.0.1:" + hubPort, p.get("externalURL").getAsString(), p.toString());
        assertEquals(Map.of("alertname", ALERT, "vm", vm.name()), strings(p.getAsJsonObject("groupLabels")));
        Map<String, String> labels = Map.of("alertname", ALERT, "vm", vm.name(), "instance", instance,
                "severity", "warning");
        assertEquals(labels, strings(p.getAsJsonObject("commonLabels")), p.toString());
        assertEquals(Map.of("summary", "A VM's processes use more than a quarter of a CPU"),
                strings(p.getAsJsonObject("commonAnnotations")));
        JsonArray alerts = p.getAsJsonArray("alerts");
        assertEquals(1, alerts.size(), p.toString());
        JsonObject a = alerts.get(0).getAsJsonObject();
        assertEquals("firing", a.get("status").getAsString());
        assertEquals(labels, strings(a.getAsJsonObject("labels")));
        assertEquals("0001-01-01T00:00:00Z", a.get("endsAt").getAsString(), "still firing: " + a);
        assertTrue(Instant.parse(a.get("startsAt").getAsString()).isBefore(Instant.now()), a.toString());
        assertTrue(a.get("generatorURL").getAsString().startsWith("http://127.0.0.1:" + hubPort + "/graph?g0.expr="),
                a.toString());
        assertTrue(a.get("fingerprint").getAsString().matches("[0-9a-f]{16}"), a.toString());
    }

    private static void checkEmail(MimeMessage mail, Vm vm) throws Exception {
        assertEquals(MAIL_FROM, mail.getFrom()[0].toString());
        assertEquals(MAIL_TO, mail.getRecipients(Message.RecipientType.TO)[0].toString());
        // Alertmanager's default subject: [FIRING:<n>] <group label values> (<other common label values>)
        String subject = mail.getSubject();
        assertTrue(subject.startsWith("[FIRING:1] " + ALERT + " " + vm.name() + " ("), subject);
        assertTrue(subject.contains("127.0.0.1:" + vm.containerPort()), subject);
        String body = text(mail);
        assertTrue(body.contains(ALERT) && body.contains("127.0.0.1:" + vm.containerPort()), body);
    }

    /** The decoded text of every text part of a message. */
    private static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i)));
            }
            return all.toString();
        }
        return content instanceof String s ? s : "";
    }

    private String createSilence(Vm vm) throws Exception {
        Instant now = Instant.now();
        StringBuilder matchers = new StringBuilder();
        silenceMatchers(vm).forEach((name, value) -> matchers.append(matchers.isEmpty() ? "" : ",")
                .append("{\"name\":\"").append(name).append("\",\"value\":\"").append(value)
                .append("\",\"isRegex\":false,\"isEqual\":true}"));
        HubClient.Response r = hub.postJson("/api/v2/silences", "{\"matchers\":[" + matchers + "],\"startsAt\":\""
                + now + "\",\"endsAt\":\"" + now.plus(Duration.ofHours(1)) + "\",\"createdBy\":\"FullStackIT\","
                + "\"comment\":\"" + vm.name() + " maintenance\"}");
        assertEquals(200, r.status(), r.body());
        return r.json().get("silenceID").getAsString();
    }

    private static Map<String, String> silenceMatchers(Vm vm) {
        return new TreeMap<>(Map.of("alertname", ALERT, "vm", vm.name()));
    }

    private static Map<String, String> matchers(JsonArray array) {
        Map<String, String> out = new TreeMap<>();
        for (JsonElement e : array) {
            JsonObject m = e.getAsJsonObject();
            assertTrue(m.get("isEqual").getAsBoolean() && !m.get("isRegex").getAsBoolean(), m.toString());
            out.put(m.get("name").getAsString(), m.get("value").getAsString());
        }
        return out;
    }

    /**
     * What the hub holds for the time before {@code at}: the timestamp of every {@code up} sample
     * (one point per second, so a lost scrape shows), and for every metric name the exporters
     * expose, each series' sample count ({@code count_over_time} per name: over several names at
     * once the series would clash once the name is dropped).
     */
    private Map<String, String> snapshot(long from, long at) throws Exception {
        Map<String, String> out = new TreeMap<>();
        JsonArray up = hub.queryRange("timestamp(up)", from, at, "1s").getAsJsonObject().getAsJsonArray("result");
        assertEquals(9, up.size(), "9 targets' up series: " + up);
        out.put("timestamp(up)", sorted(up));
        String selector = "{job=~\"node|container|jvm\"}";
        JsonArray names = hub.v1("/api/v1/label/__name__/values?match[]=" + HubClient.enc(selector) + "&start="
                + HubClient.seconds(from) + "&end=" + HubClient.seconds(at)).getAsJsonArray();
        assertTrue(names.size() > 100, "the exporters' metric names: " + names);
        out.put("names", names.toString());
        double total = 0;
        for (JsonElement name : names) {
            JsonArray counts = hub.query("count_over_time(" + name.getAsString() + selector + "[10m])", at)
                    .getAsJsonObject().getAsJsonArray("result");
            for (JsonElement e : counts) {
                total += Double.parseDouble(e.getAsJsonObject().getAsJsonArray("value").get(1).getAsString());
            }
            out.put(name.getAsString(), sorted(counts));
        }
        assertTrue(total > 10_000, "samples before the kill: " + total);
        return out;
    }

    /** Equal maps, or a failure naming the keys that differ and showing the first difference. */
    private static void assertSame(String what, Map<String, String> expected, Map<String, String> actual) {
        List<String> differ = new ArrayList<>();
        for (String key : new java.util.TreeSet<>(List.copyOf(expected.keySet()))) {
            if (!expected.get(key).equals(actual.get(key))) {
                differ.add(key);
            }
        }
        for (String key : actual.keySet()) {
            if (!expected.containsKey(key)) {
                differ.add(key);
            }
        }
        if (!differ.isEmpty()) {
            String first = differ.get(0);
            throw new AssertionError(what + ": " + differ.size() + " of " + expected.size() + " differ: " + differ
                    + "\nfirst, " + first + ", before:\n" + cut(expected.get(first)) + "\nafter:\n" + cut(actual.get(first)));
        }
    }

    private static String cut(String s) {
        return s == null ? "(absent)" : s.length() > 3000 ? s.substring(0, 3000) + "..." : s;
    }

    private static String sorted(JsonArray series) {
        return String.join("\n", series.asList().stream().map(JsonElement::toString).sorted().toList());
    }

    /** "active", or "suppressed <silence id>", for the VM's alert in an API v2 alerts list ("" if absent). */
    private static String alertState(String alertsJson, String vm) {
        for (JsonElement e : com.google.gson.JsonParser.parseString(alertsJson).getAsJsonArray()) {
            JsonObject a = e.getAsJsonObject();
            if (vm.equals(str(a.getAsJsonObject("labels"), "vm"))) {
                JsonObject status = a.getAsJsonObject("status");
                String state = status.get("state").getAsString();
                JsonArray by = status.getAsJsonArray("silencedBy");
                return by.isEmpty() ? state : state + " " + String.join(" ", by.asList().stream()
                        .map(JsonElement::getAsString).toList());
            }
        }
        return "";
    }

    private String firing(String alertname) throws Exception {
        JsonArray alerts = hub.v1("/api/v1/alerts").getAsJsonObject().getAsJsonArray("alerts");
        List<String> out = new ArrayList<>();
        for (JsonElement e : alerts) {
            JsonObject a = e.getAsJsonObject();
            if (str(a.getAsJsonObject("labels"), "alertname").equals(alertname) && a.get("state").getAsString().equals("firing")) {
                out.add(a.toString());
            }
        }
        return out.toString();
    }

    private static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }

    private static Map<String, String> strings(JsonObject o) {
        Map<String, String> out = new TreeMap<>();
        o.entrySet().forEach(en -> out.put(en.getKey(), en.getValue().getAsString()));
        return out;
    }

    /**
     * Polls {@code probe} every 250 ms until {@code done} holds, failing after {@code limit} with
     * the last answer, or at once when {@code alive} says the container it waits on stopped.
     */
    private <T> T await(String what, Duration limit, Callable<T> probe, Predicate<T> done, Callable<Boolean> alive)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        Object last = null;
        while (true) {
            try {
                T value = probe.call();
                last = value;
                if (done.test(value)) {
                    return value;
                }
            } catch (IOException e) {
                last = e;
            }
            if (System.nanoTime() > deadline || !alive.call()) {
                throw new AssertionError("gave up waiting for " + what + " (containers' logs in " + logs + "); last: "
                        + last);
            }
            Thread.sleep(250);
        }
    }

    /** A line in the test's output with the seconds since it started, to see where the time goes. */
    private void step(String what) {
        System.out.printf("FullStackIT %6.1fs %s%n", (System.nanoTime() - t0) / 1e9, what);
    }

    private static String token() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
