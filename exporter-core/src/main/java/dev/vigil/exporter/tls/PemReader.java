package dev.vigil.exporter.tls;

import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads PEM text: certificate chains, and private keys in PKCS#1 ({@code RSA PRIVATE KEY}), PKCS#8
 * ({@code PRIVATE KEY}) and SEC1 ({@code EC PRIVATE KEY}) form. Errors never quote the key.
 */
public final class PemReader {
    private PemReader() {
    }

    /**
     * Every certificate in {@code pem}, in order (leaf first for a chain).
     *
     * @throws IOException if there is none, or one cannot be decoded
     */
    public static List<X509Certificate> certificates(String pem, String source) throws IOException {
        List<X509Certificate> out = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object item;
            while ((item = readObject(parser, source)) != null) {
                if (item instanceof X509CertificateHolder holder) {
                    out.add(converter.getCertificate(holder));
                }
            }
        } catch (CertificateException e) {
            throw new IOException(source + ": bad certificate: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IOException(source + ": no PEM certificate found");
        }
        return out;
    }

    /**
     * The first private key in {@code pem}.
     *
     * @throws IOException if there is none or it cannot be decoded
     */
    public static PrivateKey privateKey(String pem, String source) throws IOException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object item;
            while ((item = readObject(parser, source)) != null) {
                if (item instanceof PEMKeyPair pair) {
                    // PKCS#1 RSA or SEC1 EC; SEC1 may omit the public key, so convert the private part alone.
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
                if (item instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info); // PKCS#8
                }
            }
        }
        throw new IOException(source + ": no PEM private key found (want PKCS#1, PKCS#8 or SEC1 EC, unencrypted)");
    }

    private static Object readObject(PEMParser parser, String source) throws IOException {
        try {
            return parser.readObject();
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle's messages name the PEM block type, never its content.
            throw new IOException(source + ": malformed PEM: " + e.getMessage(), e);
        }
    }
}
