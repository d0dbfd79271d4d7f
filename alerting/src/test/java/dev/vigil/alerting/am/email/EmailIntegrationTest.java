package dev.vigil.alerting.am.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.am.config.EmailConfig;
import dev.vigil.alerting.am.config.Secret;
import dev.vigil.alerting.am.config.TlsConfig;
import dev.vigil.alerting.am.integrations.NotifierTemplates;
import dev.vigil.alerting.am.notify.NotifyContext;
import dev.vigil.alerting.am.notify.NotifyException;
import dev.vigil.exporter.testing.TestCa;
import dev.vigil.model.Labels;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The email integration against GreenMail (plain SMTP and implicit TLS, AUTH PLAIN) and against
 * Python's aiosmtpd (with and without STARTTLS).
 */
class EmailIntegrationTest {
    private static final Instant NOW = Instant.parse("2023-03-16T20:53:20Z");
    private static final String PASSWORD = "correct horse";

    @TempDir
    static Path shared;

    static TestCa ca;
    static Path caFile;

    @TempDir
    Path dir;

    private GreenMail greenMail;
    private Process smtpd;
    private final ByteArrayOutputStream smtpdOut = new ByteArrayOutputStream();

    @BeforeAll
    static void serverCertificate() throws Exception {
        ca = TestCa.create("email test CA");
        caFile = shared.resolve("ca.crt");
        Files.writeString(caFile, ca.pem());
        // GreenMail's SMTPS certificate: a leaf of our CA for localhost and 127.0.0.1.
        TestCa.Leaf leaf = ca.leaf("smtp").localhost().issue();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("greenmail", leaf.key(), "changeit".toCharArray(),
                new X509Certificate[] {leaf.certificate(), ca.certificate()});
        Path p12 = shared.resolve("greenmail.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, "changeit".toCharArray());
        }
        System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_FILE_PROPERTY, p12.toString());
        System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_PASSWORD_PROPERTY, "changeit");
        System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEY_PASSWORD_PROPERTY, "changeit");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (greenMail != null) {
            greenMail.stop();
        }
        if (smtpd != null) {
            smtpd.destroy();
            smtpd.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private int greenMail(String protocol) throws IOException {
        int port = freePort();
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", protocol));
        greenMail.setUser("alerts@example.org", "alice", PASSWORD);
        greenMail.start();
        return port;
    }

    /** aiosmtpd's debugging server, printing each message to stdout; with STARTTLS when given a certificate. */
    private int aiosmtpd(boolean starttls) throws Exception {
        assumeTrue(new ProcessBuilder("/usr/bin/python3", "-c", "import aiosmtpd").start().waitFor() == 0,
                "python3 -m aiosmtpd is not available");
        int port = freePort();
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/python3", "-u", "-m", "aiosmtpd", "-n", "-l",
                "127.0.0.1:" + port));
        if (starttls) {
            Path[] files = ca.leaf("smtp").localhost().issue().write(dir, "smtpd");
            cmd.addAll(List.of("--tlscert", files[0].toString(), "--tlskey", files[1].toString()));
        }
        cmd.addAll(List.of("-c", "vigil_smtp_recorder.Recorder"));
        return startSmtpd(cmd, port);
    }

    /**
     * aiosmtpd offering only AUTH LOGIN (PLAIN excluded), on a clear connection, accepting alice
     * with {@link #PASSWORD} and printing the mechanism used.
     */
    private int aiosmtpdLoginOnly() throws Exception {
        assumeTrue(new ProcessBuilder("/usr/bin/python3", "-c", "import aiosmtpd").start().waitFor() == 0,
                "python3 -m aiosmtpd is not available");
        int port = freePort();
        Files.writeString(dir.resolve("vigil_smtp_login.py"), """
                import sys, time
                from aiosmtpd.controller import Controller
                from aiosmtpd.smtp import AuthResult, LoginPassword
                from vigil_smtp_recorder import Recorder
                def check(server, session, envelope, mechanism, data):
                    ok = isinstance(data, LoginPassword) and data.login == b"alice" and data.password == sys.argv[2].encode()
                    print("AUTH", mechanism, ok)
                    return AuthResult(success=ok)
                c = Controller(Recorder(), hostname="127.0.0.1", port=int(sys.argv[1]), authenticator=check,
                               auth_required=True, auth_require_tls=False, auth_exclude_mechanism=["PLAIN"])
                c.start()
                while True:
                    time.sleep(3600)
                """);
        return startSmtpd(List.of("/usr/bin/python3", "-u", dir.resolve("vigil_smtp_login.py").toString(),
                Integer.toString(port), PASSWORD), port);
    }

    private int startSmtpd(List<String> cmd, int port) throws Exception {
        Files.writeString(dir.resolve("vigil_smtp_recorder.py"), RECORDER);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PYTHONPATH", dir.toString());
        smtpd = pb.start();
        InputStream in = smtpd.getInputStream();
        Thread pump = new Thread(() -> {
            try {
                in.transferTo(new OutputStream() {
                    @Override
                    public void write(int b) {
                        synchronized (smtpdOut) {
                            smtpdOut.write(b);
                        }
                    }
                });
            } catch (IOException e) {
                // process ended
            }
        });
        pump.setDaemon(true);
        pump.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return port;
            } catch (IOException e) {
                if (System.nanoTime() > until || !smtpd.isAlive()) {
                    throw new AssertionError("aiosmtpd did not start: " + smtpdOutput());
                }
                Thread.sleep(50);
            }
        }
    }

    /** An aiosmtpd handler printing the envelope, whether the session was TLS, and the message. */
    private static final String RECORDER = """
            class Recorder:
                async def handle_DATA(self, server, session, envelope):
                    print("MAIL FROM:", envelope.mail_from)
                    print("RCPT TO:", ", ".join(envelope.rcpt_tos))
                    print("TLS:", getattr(session, "ssl", None) is not None)
                    print(envelope.content.decode("utf-8", "replace"))
                    print("END MESSAGE")
                    return "250 OK"
            """;

    private String smtpdOutput() {
        synchronized (smtpdOut) {
            return smtpdOut.toString(StandardCharsets.UTF_8);
        }
    }

    private String awaitSmtpd(String text) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!smtpdOutput().contains(text) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        return smtpdOutput();
    }

    private static EmailConfig config(int port, String user, String password, boolean requireTls, TlsConfig tls,
            Map<String, String> headers, String text) {
        return new EmailConfig(false, "ops@example.org, Dev Team <dev@example.org>", "Alertmanager <am@example.org>",
                "vigil.test", "127.0.0.1:" + port, user, Secret.of(password), "", Secret.EMPTY, "", headers,
                EmailConfig.DEFAULT_HTML, text, requireTls, tls);
    }

    private static EmailIntegration email(EmailConfig c, int implicitTlsPort) throws IOException {
        return new EmailIntegration(c, 0, NotifierTemplates.defaults(), "http://am:9093", Instant::now,
                implicitTlsPort);
    }

    private static NotifyContext ctx() {
        return new NotifyContext("{}:{alertname=\"DiskFull\"}", Labels.of("alertname", "DiskFull"), "ops",
                Duration.ofHours(4), List.of(), List.of(), NOW, Instant.now().plusSeconds(10));
    }

    private static List<AmAlert> alerts() {
        return List.of(
                new AmAlert(Labels.of("alertname", "DiskFull", "instance", "db1", "severity", "page"),
                        Map.of("summary", "disk <95%> full"), NOW.minusSeconds(60), null, "http://prom/g", NOW, false),
                new AmAlert(Labels.of("alertname", "DiskFull", "instance", "db2", "severity", "page"),
                        Map.of("summary", "disk <95%> full"), NOW.minusSeconds(60), null, "http://prom/g", NOW, false));
    }

    @Test
    void plainSmtpWithAuthPlainDeliversSubjectHeadersAndHtml() throws Exception {
        int port = greenMail(ServerSetup.PROTOCOL_SMTP);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Team", "{{ .CommonLabels.severity }}");
        email(config(port, "alice", PASSWORD, false, TlsConfig.NONE, headers, ""), 465).notify(ctx(), alerts());

        assertTrue(greenMail.waitForIncomingEmail(5000, 2));
        MimeMessage m = greenMail.getReceivedMessages()[0];
        assertEquals("[FIRING:2] DiskFull (page)", m.getSubject());
        assertEquals("ops@example.org, Dev Team <dev@example.org>", m.getHeader("To", ","));
        assertEquals("Alertmanager <am@example.org>", m.getHeader("From", ","));
        assertEquals("page", m.getHeader("X-Team", ","));
        assertTrue(m.getHeader("Message-Id", ",").matches("<\\d+\\.\\d+@.+>"), m.getHeader("Message-Id", ","));
        assertTrue(m.getHeader("Date", ",").matches("\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4}"),
                m.getHeader("Date", ","));
        assertTrue(m.getContentType().startsWith("multipart/alternative"), m.getContentType());
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertEquals(1, parts.getCount());
        BodyPart html = parts.getBodyPart(0);
        assertTrue(html.getContentType().startsWith("text/html; charset=UTF-8"), html.getContentType());
        String body = (String) html.getContent();
        assertTrue(body.contains("2 alerts for alertname=DiskFull"), body);
        assertTrue(body.contains("summary = disk &lt;95%&gt; full"), body);
        // Envelope recipients are the two parsed addresses.
        assertEquals(2, greenMail.getReceivedMessages().length);
    }

    @Test
    void authLoginWhenTheServerOffersOnlyLogin() throws Exception {
        int port = aiosmtpdLoginOnly();
        email(config(port, "alice", PASSWORD, false, TlsConfig.NONE, Map.of(), ""), 465).notify(ctx(), alerts());
        String out = awaitSmtpd("END MESSAGE");
        assertTrue(out.contains("AUTH LOGIN True"), out);
        assertTrue(out.contains("Subject: [FIRING:2] DiskFull (page)"), out);
    }

    @Test
    void wrongPasswordIsAClearRetryableAuthError() throws Exception {
        int port = greenMail(ServerSetup.PROTOCOL_SMTP);
        NotifyException e = assertThrows(NotifyException.class,
                () -> email(config(port, "alice", "wrong-pass", false, TlsConfig.NONE, Map.of(), ""), 465)
                        .notify(ctx(), alerts()));
        assertTrue(e.retryable());
        assertTrue(e.getMessage().startsWith("smtp auth failed: 535"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-pass"));
    }

    @Test
    void implicitTlsVerifiedWithTheCaFile() throws Exception {
        int port = greenMail(ServerSetup.PROTOCOL_SMTPS);
        TlsConfig tls = new TlsConfig(caFile.toString(), "", "", "", false, "");
        email(config(port, "alice", PASSWORD, true, tls, Map.of(), "{{ template \"__text_alert_list\" .Alerts }}"),
                port).notify(ctx(), alerts());
        assertTrue(greenMail.waitForIncomingEmail(5000, 2));
        MimeMessage m = greenMail.getReceivedMessages()[0];
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).getContentType().startsWith("text/plain"));
        assertTrue(((String) parts.getBodyPart(0).getContent()).startsWith("Labels:\r\n - alertname = DiskFull\r\n")
                || ((String) parts.getBodyPart(0).getContent()).startsWith("Labels:\n - alertname = DiskFull\n"));
        assertTrue(parts.getBodyPart(1).getContentType().startsWith("text/html"));

        // Without the CA the JDK's store does not know ours.
        NotifyException e = assertThrows(NotifyException.class,
                () -> email(config(port, "alice", PASSWORD, true, TlsConfig.NONE, Map.of(), ""), port)
                        .notify(ctx(), alerts()));
        assertTrue(e.retryable());
        assertEquals("tls: failed to verify certificate: x509: certificate signed by unknown authority",
                e.getMessage());
    }

    @Test
    void requireTlsRefusesAServerWithoutStarttls() throws Exception {
        int port = aiosmtpd(false);
        NotifyException e = assertThrows(NotifyException.class,
                () -> email(config(port, "", "", true, TlsConfig.NONE, Map.of(), ""), 465).notify(ctx(), alerts()));
        assertTrue(e.retryable());
        assertEquals("require_tls: true (default), but \"127.0.0.1:" + port
                + "\" does not advertise the STARTTLS extension", e.getMessage());
        assertFalse(smtpdOutput().contains("END MESSAGE"));

        // require_tls: false sends in the clear.
        email(config(port, "", "", false, TlsConfig.NONE, Map.of(), ""), 465).notify(ctx(), alerts());
        String out = awaitSmtpd("END MESSAGE");
        assertTrue(out.contains("Subject: [FIRING:2] DiskFull (page)"), out);
        assertTrue(out.contains("TLS: False"), out);
    }

    @Test
    void starttlsIsUsedWhenRequired() throws Exception {
        int port = aiosmtpd(true);
        TlsConfig tls = new TlsConfig(caFile.toString(), "", "", "", false, "");
        email(config(port, "", "", true, tls, Map.of("Subject", "Ünïcode {{ .Status }}"), ""), 465)
                .notify(ctx(), alerts());
        String out = awaitSmtpd("END MESSAGE");
        assertTrue(out.contains("TLS: True"), out);
        assertTrue(out.contains("Subject: =?utf-8?Q?=C3=9Cn=C3=AFcode_firing?="), out);
        assertTrue(out.contains("MAIL FROM: am@example.org"), out);
        assertTrue(out.contains("RCPT TO: ops@example.org, dev@example.org"), out);

        // A wrong server_name fails the handshake.
        TlsConfig wrongName = new TlsConfig(caFile.toString(), "", "", "mail.example.org", false, "");
        NotifyException e = assertThrows(NotifyException.class,
                () -> email(config(port, "", "", true, wrongName, Map.of(), ""), 465).notify(ctx(), alerts()));
        assertTrue(e.retryable());
        assertEquals("starttls failed: failed to verify certificate: x509: certificate is not valid for "
                + "mail.example.org", e.getMessage());
    }

    @Test
    void connectionRefusedIsRetried() throws Exception {
        int port = freePort();
        NotifyException e = assertThrows(NotifyException.class,
                () -> email(config(port, "", "", true, TlsConfig.NONE, Map.of(), ""), 465).notify(ctx(), alerts()));
        assertTrue(e.retryable());
        assertEquals("dial tcp 127.0.0.1:" + port + ": connect: connection refused", e.getMessage());
    }

    @Test
    void templateAndAddressErrorsAreNotRetried() throws Exception {
        int port = freePort();
        NotifyException e = assertThrows(NotifyException.class, () -> email(config(port, "", "", false,
                TlsConfig.NONE, Map.of("Subject", "{{ .Nope.Deeper "), ""), 465).notify(ctx(), alerts()));
        assertFalse(e.retryable());
        assertTrue(e.getMessage().startsWith("executing \"Subject\" header template: template: "), e.getMessage());

        EmailConfig twoFroms = new EmailConfig(false, "a@example.org", "a@example.org, b@example.org", "", "127.0.0.1:"
                + port, "", Secret.EMPTY, "", Secret.EMPTY, "", Map.of(), EmailConfig.DEFAULT_HTML, "", false,
                TlsConfig.NONE);
        e = assertThrows(NotifyException.class, () -> email(twoFroms, 465).notify(ctx(), alerts()));
        assertFalse(e.retryable());
        assertEquals("must be exactly one from address", e.getMessage());
    }

    @Test
    void smarthostWithoutPortIsRefusedAtBuild() {
        EmailConfig c = new EmailConfig(false, "a@example.org", "b@example.org", "", "mailhost", "", Secret.EMPTY,
                "", Secret.EMPTY, "", Map.of(), EmailConfig.DEFAULT_HTML, "", true, TlsConfig.NONE);
        IOException e = assertThrows(IOException.class, () -> email(c, 465));
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().contains("missing port"), e.getMessage());
    }
}
