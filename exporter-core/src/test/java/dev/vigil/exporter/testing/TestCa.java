package dev.vigil.exporter.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway certificate authority for tests: issues server and client certificates with chosen
 * SANs and validity windows, and writes keys in PKCS#1, PKCS#8 or SEC1 form.
 */
public final class TestCa {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final String name;
    private final KeyPair keys;
    private final X509Certificate certificate;

    private TestCa(String name, KeyPair keys, X509Certificate certificate) {
        this.name = name;
        this.keys = keys;
        this.certificate = certificate;
    }

    /** A new self-signed CA with an EC P-256 key. */
    public static TestCa create(String name) {
        try {
            KeyPair keys = ec();
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + name),
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(30))), new X500Name("CN=" + name), keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new TestCa(name, keys, cert);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** Starts a leaf certificate issued by this CA. */
    public Leaf.Builder leaf(String commonName) {
        return new Leaf.Builder(this, commonName);
    }

    /** The CA certificate as PEM. */
    public String pem() {
        return TestCa.pem(certificate);
    }

    static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    static KeyPair ec() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** A certificate with its key. */
    public record Leaf(X509Certificate certificate, PrivateKey key, TestCa issuer) {

        public String certPem() {
            return TestCa.pem(certificate);
        }

        /** The key as PKCS#8 ({@code BEGIN PRIVATE KEY}). */
        public String pkcs8Pem() {
            try {
                return TestCa.pem(new JcaMiscPEMGenerator(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The key in its traditional form: PKCS#1 for RSA, SEC1 for EC ({@code BEGIN RSA/EC PRIVATE KEY}). */
        public String traditionalPem() {
            if (!(key instanceof java.security.interfaces.ECPrivateKey ec)) {
                return TestCa.pem(key);
            }
            // SEC1 as openssl writes it: curve parameters and public key inside the structure.
            try {
                org.bouncycastle.asn1.pkcs.PrivateKeyInfo info =
                        org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(key.getEncoded());
                org.bouncycastle.asn1.x509.SubjectPublicKeyInfo publicInfo =
                        org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded());
                org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(
                        ec.getParams().getOrder().bitLength(), ec.getS(), publicInfo.getPublicKeyData(),
                        info.getPrivateKeyAlgorithm().getParameters());
                return TestCa.pem(new org.bouncycastle.util.io.pem.PemObject("EC PRIVATE KEY", sec1.getEncoded()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Writes {@code name}.crt and {@code name}.key (PKCS#8) into {@code dir}. */
        public Path[] write(Path dir, String name) throws IOException {
            Path cert = dir.resolve(name + ".crt");
            Path keyFile = dir.resolve(name + ".key");
            Files.writeString(cert, certPem());
            Files.writeString(keyFile, pkcs8Pem());
            return new Path[] {cert, keyFile};
        }

        /** Builds a leaf certificate. */
        public static final class Builder {
            private final TestCa ca;
            private final String commonName;
            private final List<GeneralName> sans = new ArrayList<>();
            private Instant notBefore = Instant.now().minus(Duration.ofHours(1));
            private Instant notAfter = Instant.now().plus(Duration.ofDays(7));
            private boolean rsa;
            private boolean client;

            Builder(TestCa ca, String commonName) {
                this.ca = ca;
                this.commonName = commonName;
            }

            public Builder dns(String name) {
                sans.add(new GeneralName(GeneralName.dNSName, name));
                return this;
            }

            public Builder ip(String address) {
                sans.add(new GeneralName(GeneralName.iPAddress, address));
                return this;
            }

            public Builder email(String address) {
                sans.add(new GeneralName(GeneralName.rfc822Name, address));
                return this;
            }

            public Builder uri(String uri) {
                sans.add(new GeneralName(GeneralName.uniformResourceIdentifier, uri));
                return this;
            }

            public Builder valid(Instant from, Instant until) {
                this.notBefore = from;
                this.notAfter = until;
                return this;
            }

            public Builder rsa() {
                this.rsa = true;
                return this;
            }

            /** For client authentication (else server). */
            public Builder client() {
                this.client = true;
                return this;
            }

            /** localhost and 127.0.0.1 as SANs, for a server on loopback. */
            public Builder localhost() {
                return dns("localhost").ip(InetAddress.getLoopbackAddress().getHostAddress());
            }

            public Leaf issue() {
                try {
                    KeyPair keys = rsa ? TestCa.rsa() : TestCa.ec();
                    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate,
                            BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                            new X500Name("CN=" + commonName), keys.getPublic());
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            client ? KeyPurposeId.id_kp_clientAuth : KeyPurposeId.id_kp_serverAuth));
                    if (!sans.isEmpty()) {
                        builder.addExtension(Extension.subjectAlternativeName, false,
                                new GeneralNames(sans.toArray(GeneralName[]::new)));
                    }
                    X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.keys.getPrivate())));
                    return new Leaf(cert, keys.getPrivate(), ca);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
