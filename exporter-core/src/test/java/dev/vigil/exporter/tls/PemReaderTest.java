package dev.vigil.exporter.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.testing.TestCa;
import java.io.IOException;
import java.security.PrivateKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Key and certificate PEM in every form the toolkit's Go code accepts. */
class PemReaderTest {
    private final TestCa ca = TestCa.create("ca");

    @Test
    void readsPkcs1RsaPkcs8AndSec1EcKeys() throws Exception {
        TestCa.Leaf rsa = ca.leaf("rsa").rsa().issue();
        TestCa.Leaf ec = ca.leaf("ec").issue();
        assertTrue(rsa.traditionalPem().startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        assertTrue(ec.traditionalPem().startsWith("-----BEGIN EC PRIVATE KEY-----"));
        assertTrue(ec.pkcs8Pem().startsWith("-----BEGIN PRIVATE KEY-----"));
        for (String pem : List.of(rsa.traditionalPem(), rsa.pkcs8Pem())) {
            PrivateKey key = PemReader.privateKey(pem, "rsa.key");
            assertArrayEquals(rsa.key().getEncoded(), key.getEncoded());
        }
        for (String pem : List.of(ec.traditionalPem(), ec.pkcs8Pem())) {
            PrivateKey key = PemReader.privateKey(pem, "ec.key");
            assertEquals("EC", key.getAlgorithm());
            assertEquals(((java.security.interfaces.ECPrivateKey) ec.key()).getS(),
                    ((java.security.interfaces.ECPrivateKey) key).getS());
        }
    }

    @Test
    void readsChainsInOrder() throws Exception {
        TestCa.Leaf leaf = ca.leaf("leaf").issue();
        assertEquals(List.of(leaf.certificate(), ca.certificate()),
                PemReader.certificates(leaf.certPem() + ca.pem(), "chain.crt"));
    }

    @Test
    void errorsNameTheSourceNotTheContent() {
        IOException noCert = assertThrows(IOException.class, () -> PemReader.certificates("hello", "x.crt"));
        assertEquals("x.crt: no PEM certificate found", noCert.getMessage());
        IOException noKey = assertThrows(IOException.class, () -> PemReader.privateKey(ca.pem(), "x.key"));
        assertTrue(noKey.getMessage().startsWith("x.key: no PEM private key found"));
        String broken = "-----BEGIN PRIVATE KEY-----\nAAAAsecretsecret\n-----END PRIVATE KEY-----\n";
        IOException bad = assertThrows(IOException.class, () -> PemReader.privateKey(broken, "y.key"));
        assertFalse(bad.getMessage().contains("secretsecret"), bad.getMessage());
    }
}
