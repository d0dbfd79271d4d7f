package dev.vigil.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.container.docker.DockerSupport;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline image (deploy/images/build-offline.sh) running the node exporter as the native
 * DaemonSet does: host network and PID namespace, the host's /proc, /sys and / read-only (rslave,
 * Docker's HostToContainer) under /host, uid 65534, a read-only root, no capabilities, the
 * web-config and the secrets native/make-secrets.sh makes, and the DaemonSet's own args from the
 * manifest (only the listen address moves to a free loopback port). /metrics must answer over TLS
 * with the token only, with this host's node_* series.
 */
class NodeExporterImageIT {
    @TempDir
    Path secrets;

    @Test
    void nodeExporterContainerServesTheHostsMetricsAsTheDaemonSetRunsIt() throws Exception {
        DockerSupport.requireEngine();
        String image = buildImage();

        // native/make-secrets.sh's certificate, key and token, beside the manifest's web-config.yml,
        // as the Secret vigil-exporter-web puts them in /etc/vigil/web.
        Processes.Result made = Processes.run(Duration.ofMinutes(1), List.of("bash",
                Manifests.KUBERNETES.resolve("native/make-secrets.sh").toString(), secrets.toString()));
        assertEquals(0, made.exit(), made.all());
        Files.copy(Manifests.KUBERNETES.resolve("native/web-config.yml"), secrets.resolve("web-config.yml"));
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String f : List.of("web-config.yml", "tls.crt", "tls.key", "token")) {
            // The kubelet gives the pod's fsGroup (65534) read access; here the files are world-readable.
            Files.setPosixFilePermissions(secrets.resolve(f), PosixFilePermissions.fromString("rw-r--r--"));
        }
        String token = Files.readString(secrets.resolve("token")).strip();

        Map<String, Object> ds = Manifests.daemonSet("native", "node-exporter").object();
        Map<String, Object> pod = Yaml.map(ds, "spec", "template", "spec");
        Map<String, Object> container = Yaml.named(Yaml.list(pod, "containers"), "node-exporter");
        int port = freePort();
        List<String> args = new ArrayList<>();
        for (Object a : Yaml.list(container, "args")) {
            String arg = String.valueOf(a);
            args.add(arg.equals("--web.listen-address=:9100") ? "--web.listen-address=127.0.0.1:" + port : arg);
        }
        assertTrue(args.contains("--web.listen-address=127.0.0.1:" + port), args.toString());

        String name = "vigil-deploy-it-" + ProcessHandle.current().pid();
        List<String> runCommand = new ArrayList<>(List.of("docker", "run", "-d", "--name", name,
                "--label", DockerSupport.OWNER_LABEL + "=" + owner(),
                "--network", "host", "--pid", "host",
                "--user", Yaml.at(pod, "securityContext", "runAsUser") + ":" + Yaml.at(pod, "securityContext", "runAsGroup"),
                "--read-only", "--tmpfs", "/tmp", "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
                "-v", "/proc:/host/proc:" + hostToContainer("/proc"), "-v", "/sys:/host/sys:" + hostToContainer("/sys"),
                "-v", "/:/host/root:" + hostToContainer("/"),
                "-v", secrets + ":/etc/vigil/web:ro", "--memory", Yaml.str(container, "resources", "limits", "memory")
                        .replace("Mi", "m"),
                image));
        runCommand.addAll(Yaml.list(container, "command").stream().map(String::valueOf).toList());
        runCommand.addAll(args);
        Processes.Result started = Processes.run(Duration.ofMinutes(1), runCommand);
        assertEquals(0, started.exit(), started.all());
        try {
            SSLContext tls = trusting(secrets.resolve("tls.crt"));
            String base = "https://127.0.0.1:" + port;
            waitHealthy(name, tls, base);

            assertEquals(401, get(tls, base + "/metrics", null).status(), "no token, no metrics");
            assertEquals(401, get(tls, base + "/metrics", "not-the-token").status());
            Response metrics = get(tls, base + "/metrics", token);
            assertEquals(200, metrics.status(), metrics.body());
            String body = metrics.body();

            // /host/proc is the host's: MemTotal as the host's own /proc/meminfo says.
            long memTotalKib = Long.parseLong(find(Files.readString(Path.of("/proc/meminfo")), "MemTotal:\\s+(\\d+) kB"));
            assertEquals((double) memTotalKib * 1024, Double.parseDouble(find(body, "\nnode_memory_MemTotal_bytes (\\S+)")));
            int cpus = (int) Files.readAllLines(Path.of("/proc/stat")).stream().filter(l -> l.matches("cpu\\d+ .*")).count();
            for (int cpu = 0; cpu < cpus; cpu++) {
                assertTrue(body.contains("node_cpu_seconds_total{cpu=\"" + cpu + "\",mode=\"idle\"}"), "cpu " + cpu);
            }
            // /host/sys: the host's network devices; /host/root: the host's root filesystem, shown as "/".
            assertTrue(Pattern.compile("node_network_receive_bytes_total\\{device=\"[^\"]+\"}").matcher(body).find());
            assertTrue(Pattern.compile("node_filesystem_size_bytes\\{[^}]*mountpoint=\"/\"").matcher(body).find(),
                    "the host's / through --path.rootfs=/host/root");
            // statfs through JNA works on a read-only root with a noexec /tmp (the image ships JNA's native part)
            assertTrue(Pattern.compile("node_filesystem_device_error\\{[^}]*mountpoint=\"/\"} 0").matcher(body).find(),
                    "statfs of /");
            assertTrue(body.contains("node_boot_time_seconds "), "stat");
            assertTrue(body.contains("node_load1 "), "loadavg");
            assertTrue(body.contains("node_scrape_collector_success{collector=\"filesystem\"} 1"));
        } finally {
            Processes.Result logs = Processes.run(Duration.ofSeconds(30), List.of("docker", "logs", name));
            Processes.run(Duration.ofMinutes(1), List.of("docker", "rm", "-f", name));
            System.out.println("container log:\n" + logs.all());
        }
    }

    /**
     * Docker's options for a read-only HostToContainer mount: rslave, which (as Kubernetes' HostToContainer)
     * needs the host's mount to be shared or a slave, as systemd makes them. Where the host's mount is
     * private (no systemd as PID 1, as on some CI machines) Docker refuses rslave, so the mount is
     * read-only only; what the exporter reads is the same.
     */
    static String hostToContainer(String mountPoint) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String[] f = line.split(" ");
            if (f[4].equals(mountPoint)) {
                for (int i = 6; i < f.length && !f[i].equals("-"); i++) {
                    if (f[i].startsWith("shared:") || f[i].startsWith("master:")) {
                        return "ro,rslave";
                    }
                }
                return "ro";
            }
        }
        return "ro";
    }

    /** build-offline.sh on the jars this reactor just packaged (no nested Maven); prints the image last. */
    static String buildImage() {
        ProcessBuilder pb = new ProcessBuilder("bash", Manifests.MODULE.resolve("images/build-offline.sh").toString(),
                "--no-build");
        Path javaHome = Path.of(System.getProperty("java.home"));
        if (Files.isExecutable(javaHome.resolve("bin/jlink"))) {
            pb.environment().put("JAVA_HOME", javaHome.toString());
        }
        Processes.Result built = Processes.run(Duration.ofMinutes(5), pb);
        String[] lines = built.out().strip().split("\n");
        String image = lines[lines.length - 1].strip();
        assertEquals(0, built.exit(), built.all());
        assertTrue(image.startsWith("vigil/vigil:"), built.all());
        return image;
    }

    static void waitHealthy(String name, SSLContext tls, String base) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            try {
                Response r = get(tls, base + "/-/healthy", null);
                if (r.status() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            String state = Processes.run(Duration.ofSeconds(30), List.of("docker", "inspect", "--format", "{{.State.Status}}", name))
                    .out().strip();
            if (!state.equals("running") || System.nanoTime() > deadline) {
                throw new AssertionError("exporter not healthy (container " + state + "):\n"
                        + Processes.run(Duration.ofSeconds(30), List.of("docker", "logs", name)).all());
            }
            Thread.sleep(250);
        }
    }

    record Response(int status, String body) {
    }

    static Response get(SSLContext tls, String url, String token) throws IOException {
        HttpsURLConnection c = (HttpsURLConnection) URI.create(url).toURL().openConnection();
        c.setSSLSocketFactory(tls.getSocketFactory());
        // The certificate is pinned (the only trusted one); its name is vigil-exporter, not 127.0.0.1.
        c.setHostnameVerifier((host, session) -> true);
        c.setConnectTimeout(2000);
        c.setReadTimeout(20000);
        if (token != null) {
            c.setRequestProperty("Authorization", "Bearer " + token);
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        c.disconnect();
        return new Response(status, body);
    }

    static SSLContext trusting(Path cert) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            ks.setCertificateEntry("exporter", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex);
        return m.group(1);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static String owner() {
        ProcessHandle self = ProcessHandle.current();
        return self.pid() + ":" + self.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
    }
}
