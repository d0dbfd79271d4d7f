package dev.vigil.alerting.am.email;

import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.am.config.EmailConfig;
import dev.vigil.alerting.am.integrations.ClientTls;
import dev.vigil.alerting.am.integrations.NotifierTemplates;
import dev.vigil.alerting.am.notify.Integration;
import dev.vigil.alerting.am.notify.NotifyContext;
import dev.vigil.alerting.am.notify.NotifyException;
import dev.vigil.alerting.am.notify.TemplateData;
import dev.vigil.alerting.template.TemplateException;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * An {@code email_configs} entry, sent over SMTP with Angus Mail as Alertmanager 0.25 sends it:
 * port 465 is implicit TLS; otherwise, with {@code require_tls} (the default) the server must
 * offer STARTTLS and it is used, without it the connection stays plain. With
 * {@code auth_username} set and the server offering AUTH: PLAIN or LOGIN with the password,
 * CRAM-MD5 with {@code auth_secret}. Headers (Subject, To, From by default) and both bodies are
 * templates; the message is multipart/alternative, text first, HTML last. Errors are
 * Alertmanager's: connection, TLS, auth and SMTP failures are retried, template and address
 * errors are not.
 */
public final class EmailIntegration implements Integration {
    private static final DateTimeFormatter RFC1123Z =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EmailConfig config;
    private final int index;
    private final NotifierTemplates templates;
    private final String externalURL;
    private final Supplier<Instant> clock;
    private final Map<String, String> headers;
    private final String host;
    private final int port;
    private final boolean implicitTls;
    private final ClientTls tls;

    /**
     * @throws IOException when the smarthost is not host:port, or the {@code tls_config} files cannot be loaded
     */
    public EmailIntegration(EmailConfig config, int index, NotifierTemplates templates, String externalURL,
            Supplier<Instant> clock) throws IOException {
        this(config, index, templates, externalURL, clock, 465);
    }

    /** {@code implicitTlsPort}: 465 in production; tests pass a free port. */
    EmailIntegration(EmailConfig config, int index, NotifierTemplates templates, String externalURL,
            Supplier<Instant> clock, int implicitTlsPort) throws IOException {
        this.config = config;
        this.index = index;
        this.templates = templates;
        this.externalURL = externalURL;
        this.clock = clock;
        int colon = config.smarthost().lastIndexOf(':');
        if (colon < 0) {
            throw new IOException("invalid address: address " + config.smarthost() + ": missing port in address");
        }
        String h = config.smarthost().substring(0, colon);
        this.host = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        try {
            this.port = Integer.parseInt(config.smarthost().substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IOException("invalid address: " + config.smarthost() + ": invalid port", e);
        }
        this.implicitTls = port == implicitTlsPort;
        this.tls = ClientTls.create(config.tlsConfig(), host);
        // Alertmanager's defaults for the three headers, unless configured.
        Map<String, String> hs = new LinkedHashMap<>();
        hs.put("Subject", config.headers().getOrDefault("Subject", EmailConfig.DEFAULT_SUBJECT));
        hs.put("To", config.headers().getOrDefault("To", config.to()));
        hs.put("From", config.headers().getOrDefault("From", config.from()));
        config.headers().forEach(hs::putIfAbsent);
        this.headers = java.util.Collections.unmodifiableMap(hs);
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public boolean sendResolved() {
        return config.sendResolved();
    }

    @Override
    public void notify(NotifyContext ctx, List<AmAlert> alerts) throws NotifyException {
        TemplateData data = TemplateData.of(ctx.receiver(), ctx.groupLabels(), alerts, externalURL, ctx.now());
        Session session = Session.getInstance(properties(ctx));
        MimeMessage message = message(session, data);
        InternetAddress from = envelopeFrom(data);
        InternetAddress[] to = recipients(data);
        session.getProperties().put("mail.smtp.from", from.getAddress());

        Transport transport;
        try {
            transport = session.getTransport("smtp");
        } catch (MessagingException e) {
            throw new NotifyException("smtp: " + e.getMessage(), false, e);
        }
        try {
            try {
                String user = config.authUsername().isEmpty() ? null : config.authUsername();
                transport.connect(host, port, user, user == null ? null : password());
            } catch (AuthenticationFailedException e) {
                throw new NotifyException("smtp auth failed: " + serverText(e), true, e);
            } catch (MessagingException e) {
                throw connectError(e);
            }
            try {
                transport.sendMessage(message, to);
            } catch (SendFailedException e) {
                throw new NotifyException(sendFailure(e), true, e);
            } catch (MessagingException e) {
                throw new NotifyException("smtp: " + describe(e), true, e);
            }
        } finally {
            try {
                transport.close();
            } catch (MessagingException e) {
                // Go logs a failed QUIT and keeps the result; so do we (without logging).
            }
        }
    }

    private Properties properties(NotifyContext ctx) throws NotifyException {
        Duration left = Duration.between(clock.get(), ctx.deadline());
        if (left.isNegative() || left.isZero()) {
            throw new NotifyException("context deadline exceeded", true);
        }
        String timeout = Long.toString(Math.max(1, left.toMillis()));
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.localhost", config.hello().isEmpty() ? "localhost" : config.hello());
        p.put("mail.smtp.connectiontimeout", timeout);
        p.put("mail.smtp.timeout", timeout);
        p.put("mail.smtp.ssl.socketFactory", tls.context().getSocketFactory());
        p.put("mail.smtp.ssl.protocols", String.join(" ", tls.protocols()));
        p.put("mail.smtp.ssl.checkserveridentity", "false"); // ClientTls checks the name (server_name or host)
        if (implicitTls) {
            p.put("mail.smtp.ssl.enable", "true");
        } else if (config.requireTls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (!config.authUsername().isEmpty()) {
            p.put("mail.smtp.auth", "true");
            if (hasPassword()) {
                p.put("mail.smtp.auth.mechanisms", "PLAIN LOGIN");
                if (!config.authIdentity().isEmpty()) {
                    p.put("mail.smtp.sasl.authorizationid", config.authIdentity());
                }
            } else if (!config.authSecret().isEmpty()) {
                // CRAM-MD5 through the JDK's SASL client; the secret is the key.
                p.put("mail.smtp.sasl.enable", "true");
                p.put("mail.smtp.sasl.mechanisms", "CRAM-MD5");
                p.put("mail.smtp.auth.mechanisms", "CRAM-MD5");
            } else {
                throw new NotifyException("missing password for PLAIN auth mechanism; "
                        + "missing password for LOGIN auth mechanism", true);
            }
        }
        return p;
    }

    private boolean hasPassword() {
        return !config.authPassword().isEmpty() || !config.authPasswordFile().isEmpty();
    }

    private String password() throws NotifyException {
        if (!config.authPasswordFile().isEmpty()) {
            try {
                return Files.readString(Path.of(config.authPasswordFile()));
            } catch (IOException e) {
                throw new NotifyException("could not read " + config.authPasswordFile() + ": "
                        + (e instanceof java.nio.file.NoSuchFileException ? "no such file or directory" : e.getMessage()),
                        true);
            }
        }
        if (!config.authPassword().isEmpty()) {
            return config.authPassword().reveal();
        }
        return config.authSecret().reveal();
    }

    private MimeMessage message(Session session, TemplateData data) throws NotifyException {
        MimeMessage m = new AlertMessage(session, messageId());
        try {
            for (Map.Entry<String, String> h : headers.entrySet()) {
                String value;
                try {
                    value = templates.text().executeString(h.getValue(), data);
                } catch (TemplateException e) {
                    throw new NotifyException("executing \"" + h.getKey() + "\" header template: " + e.getMessage(),
                            false, e);
                }
                m.setHeader(h.getKey(), qEncode(value));
            }
            m.setHeader("Date", ZonedDateTime.now().format(RFC1123Z));
            MimeMultipart alternative = new MimeMultipart("alternative");
            if (!config.text().isEmpty()) {
                String body;
                try {
                    body = templates.text().executeString(config.text(), data);
                } catch (TemplateException e) {
                    throw new NotifyException("executing email text template: " + e.getMessage(), false, e);
                }
                alternative.addBodyPart(part(body, "text/plain; charset=UTF-8"));
            }
            if (!config.html().isEmpty()) {
                String body;
                try {
                    body = templates.html().executeString(config.html(), data);
                } catch (TemplateException e) {
                    throw new NotifyException("executing email html template: " + e.getMessage(), false, e);
                }
                // The preferred alternative goes last (RFC 2046 5.1.4).
                alternative.addBodyPart(part(body, "text/html; charset=UTF-8"));
            }
            if (alternative.getCount() == 0) {
                m.setText("", "UTF-8");
            } else {
                m.setContent(alternative);
            }
            m.saveChanges();
            return m;
        } catch (MessagingException e) {
            throw new NotifyException("building message: " + e.getMessage(), false, e);
        }
    }

    private static MimeBodyPart part(String body, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(body, type);
        part.setHeader("Content-Type", type);
        part.setHeader("Content-Transfer-Encoding", "quoted-printable");
        return part;
    }

    /** Go's {@code mime.QEncoding.Encode("utf-8", v)}: unchanged unless it needs encoding. */
    private static String qEncode(String value) throws MessagingException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < ' ' || c > '~') && c != '\t') {
                try {
                    return MimeUtility.encodeText(value, "utf-8", "Q");
                } catch (UnsupportedEncodingException e) {
                    throw new MessagingException(e.getMessage(), e);
                }
            }
        }
        return value;
    }

    private InternetAddress envelopeFrom(TemplateData data) throws NotifyException {
        String from;
        try {
            from = templates.text().executeString(config.from(), data);
        } catch (TemplateException e) {
            throw new NotifyException("failed to template 'from' or 'to': " + e.getMessage(), false, e);
        }
        InternetAddress[] addrs;
        try {
            addrs = InternetAddress.parse(from, true);
        } catch (AddressException e) {
            throw new NotifyException("parsing from addresses: " + e.getMessage(), false, e);
        }
        if (addrs.length != 1) {
            throw new NotifyException("must be exactly one from address", false);
        }
        return addrs[0];
    }

    private InternetAddress[] recipients(TemplateData data) throws NotifyException {
        String to;
        try {
            to = templates.text().executeString(config.to(), data);
        } catch (TemplateException e) {
            throw new NotifyException("failed to template 'from' or 'to': " + e.getMessage(), false, e);
        }
        try {
            InternetAddress[] addrs = InternetAddress.parse(to, true);
            if (addrs.length == 0) {
                throw new NotifyException("parsing to addresses: mail: no address", false);
            }
            return addrs;
        } catch (AddressException e) {
            throw new NotifyException("parsing to addresses: " + e.getMessage(), false, e);
        }
    }

    /** {@code <unixnano.random@hostname>}, as Alertmanager builds it. */
    private static String messageId() {
        String hostname;
        try {
            hostname = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            hostname = "localhost";
        }
        Instant now = Instant.now();
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        return "<" + nanos + "." + Long.toUnsignedString(RANDOM.nextLong()) + "@" + hostname + ">";
    }

    private NotifyException connectError(MessagingException e) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("STARTTLS is required but host does not support STARTTLS")) {
            return new NotifyException("require_tls: true (default), but \"" + config.smarthost()
                    + "\" does not advertise the STARTTLS extension", true, e);
        }
        Throwable cause = rootCause(e);
        if (cause instanceof ConnectException) {
            return new NotifyException("dial tcp " + config.smarthost() + ": connect: connection refused", true, e);
        }
        if (cause instanceof UnknownHostException) {
            return new NotifyException("dial tcp: lookup " + host + ": no such host", true, e);
        }
        if (cause instanceof SocketTimeoutException) {
            return new NotifyException("dial tcp " + config.smarthost() + ": i/o timeout", true, e);
        }
        if (hasCause(e, SSLException.class)) {
            String reason = ClientTls.handshakeReason(e);
            return new NotifyException((implicitTls ? "tls: " : "starttls failed: ") + reason, true, e);
        }
        return new NotifyException("smtp: " + describe(e), true, e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** The server's reply without the line break (no credentials: Angus never puts them in messages). */
    private static String serverText(MessagingException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "authentication failed" : m.strip().replaceAll("\\s+", " ");
    }

    private static String describe(MessagingException e) {
        Throwable root = rootCause(e);
        String m = root != e && root.getMessage() != null ? e.getMessage() + ": " + root.getMessage() : e.getMessage();
        return String.valueOf(m).strip().replaceAll("\\s+", " ");
    }

    /** Alertmanager's words for a refused MAIL FROM or RCPT TO, with the server's reply. */
    private static String sendFailure(SendFailedException e) {
        Address[] invalid = e.getInvalidAddresses();
        Throwable next = e.getNextException();
        String reply = next != null && next.getMessage() != null ? next.getMessage() : e.getMessage();
        reply = String.valueOf(reply).strip().replaceAll("\\s+", " ");
        if (invalid != null && invalid.length > 0) {
            return "sending rcpt to: " + reply;
        }
        return String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("sender")
                ? "sending mail from: " + reply : "smtp: " + reply;
    }

    /** A message whose Message-Id is ours rather than Jakarta Mail's. */
    private static final class AlertMessage extends MimeMessage {
        private final String id;

        AlertMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-Id", id);
        }
    }
}
