package dev.vigil.exporter.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks client certificates by the current web-config policy: with a verifying {@code
 * client_auth_type} the chain must lead to a configured client CA and every certificate must be
 * within its validity dates (expired and not-yet-valid certificates are refused); with {@code
 * client_allowed_sans} the leaf must carry one of the listed DNS, IP, email or URI SANs, matched
 * exactly as the toolkit does. A refusal fails the handshake.
 */
final class ClientCertVerifier extends X509ExtendedTrustManager {
    private final TlsState state;

    ClientCertVerifier(TlsState state) {
        this.state = state;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        verify(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        verify(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        verify(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("server certificates are not checked here");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("server certificates are not checked here");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("server certificates are not checked here");
    }

    /** The client CAs, sent to clients as acceptable issuers when the policy verifies. */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        TlsMaterial material = state.get();
        if (!material.clientAuth().verifies()) {
            return new X509Certificate[0];
        }
        return material.clientCas().stream().map(anchor -> anchor.getTrustedCert()).toArray(X509Certificate[]::new);
    }

    private void verify(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("client did not present a certificate");
        }
        TlsMaterial material = state.get();
        if (material.clientAuth().verifies()) {
            verifyChain(chain, material);
        }
        if (!material.clientAllowedSans().isEmpty()) {
            List<String> sans = subjectAltNames(chain[0]);
            if (sans.stream().noneMatch(material.clientAllowedSans()::contains)) {
                throw new CertificateException("could not find allowed SANs in client cert, found: " + sans);
            }
        }
    }

    private static void verifyChain(X509Certificate[] chain, TlsMaterial material) throws CertificateException {
        if (material.clientCas().isEmpty()) {
            throw new CertificateException("no client CA configured");
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            CertPath path = factory.generateCertPath(Arrays.asList(chain));
            PKIXParameters params = new PKIXParameters(material.clientCas());
            params.setRevocationEnabled(false);
            // PKIX checks every certificate's notBefore/notAfter against now.
            CertPathValidator.getInstance("PKIX").validate(path, params);
        } catch (GeneralSecurityException e) {
            throw new CertificateException("client certificate refused: " + e.getMessage(), e);
        }
    }

    /** DNS names, IP addresses, emails and URIs, as strings (the toolkit's four SAN kinds). */
    static List<String> subjectAltNames(X509Certificate certificate) throws CertificateParsingException {
        List<String> out = new ArrayList<>();
        Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
        if (entries == null) {
            return out;
        }
        for (List<?> entry : entries) {
            int kind = (Integer) entry.get(0);
            // 1 rfc822Name (email), 2 dNSName, 6 URI, 7 iPAddress
            if (kind == 1 || kind == 2 || kind == 6 || kind == 7) {
                out.add(String.valueOf(entry.get(1)));
            }
        }
        return out;
    }
}
