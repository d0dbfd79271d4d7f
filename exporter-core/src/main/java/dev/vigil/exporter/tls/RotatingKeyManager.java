package dev.vigil.exporter.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/** A server key manager with one key, read from {@link TlsState} on every handshake. */
final class RotatingKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "vigil";

    private final TlsState state;

    RotatingKeyManager(TlsState state) {
        this.state = state;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return matches(keyType) ? ALIAS : null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return matches(keyType) ? ALIAS : null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return matches(keyType) ? new String[] {ALIAS} : null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? state.get().chain().toArray(X509Certificate[]::new) : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? state.get().key() : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    /** JSSE asks per key type ("RSA", "EC", "EdDSA", "RSASSA-PSS"); answer only for ours. */
    private boolean matches(String keyType) {
        String ours = state.get().key().getAlgorithm();
        return switch (keyType) {
            case "RSA", "RSASSA-PSS" -> ours.equals("RSA");
            case "EC", "ECDSA", "EC_EC", "EC_RSA" -> ours.equals("EC") || ours.equals("ECDSA");
            case "EdDSA", "Ed25519" -> ours.equals("EdDSA") || ours.equals("Ed25519");
            default -> keyType.equalsIgnoreCase(ours);
        };
    }
}
