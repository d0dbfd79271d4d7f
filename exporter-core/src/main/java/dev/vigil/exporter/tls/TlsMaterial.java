package dev.vigil.exporter.tls;

import dev.vigil.exporter.webconfig.ClientAuth;
import dev.vigil.exporter.webconfig.TlsServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one handshake needs, loaded from a {@link TlsServerConfig}: the server's key and chain,
 * the client CAs and the client policy.
 */
public record TlsMaterial(
        PrivateKey key,
        List<X509Certificate> chain,
        Set<TrustAnchor> clientCas,
        ClientAuth clientAuth,
        List<String> clientAllowedSans) {

    /**
     * Loads the files or inline PEM the config names and checks that key and certificate belong
     * together.
     *
     * @throws IOException naming the file and the problem (never the key's content)
     */
    public static TlsMaterial load(TlsServerConfig config) throws IOException {
        String certSource = source(config.certFile(), "cert");
        String keySource = source(config.keyFile(), "key");
        List<X509Certificate> chain = PemReader.certificates(read(config.certFile(), config.certPem(), "cert_file"), certSource);
        PrivateKey key = PemReader.privateKey(read(config.keyFile(), config.keyPem(), "key_file"), keySource);
        requireMatch(key, chain.get(0).getPublicKey(), keySource, certSource);
        Set<TrustAnchor> anchors = new HashSet<>();
        if (config.clientCaFile() != null || config.clientCaPem() != null) {
            String caSource = source(config.clientCaFile(), "client_ca");
            for (X509Certificate ca : PemReader.certificates(
                    read(config.clientCaFile(), config.clientCaPem(), "client_ca_file"), caSource)) {
                anchors.add(new TrustAnchor(ca, null));
            }
        }
        return new TlsMaterial(key, List.copyOf(chain), Set.copyOf(anchors), config.clientAuth(),
                config.clientAllowedSans());
    }

    private static String read(Path file, String inline, String key) throws IOException {
        if (file == null) {
            return inline;
        }
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IOException("failed to read " + key + " (" + file + "): " + e.getMessage(), e);
        }
    }

    private static String source(Path file, String inlineKey) {
        return file == null ? "inline " + inlineKey : file.toString();
    }

    /** Signs a probe with the key and verifies it with the certificate's public key. */
    private static void requireMatch(PrivateKey key, PublicKey publicKey, String keySource, String certSource)
            throws IOException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IOException(keySource + ": unsupported key algorithm " + key.getAlgorithm());
        };
        try {
            byte[] probe = "vigil key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new IOException("private key " + keySource + " does not match the certificate " + certSource);
            }
        } catch (InvalidKeyException | SignatureException e) {
            throw new IOException("private key " + keySource + " does not match the certificate " + certSource, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IOException(keySource + ": " + e.getMessage(), e);
        }
    }
}
