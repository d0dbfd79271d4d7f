package dev.vigil.exporter.tls;

import dev.vigil.exporter.webconfig.GoTlsNames;
import dev.vigil.exporter.webconfig.TlsServerConfig;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/** Builds the JSSE context and parameters for a listener from the web-config's TLS section. */
public final class TlsContexts {
    private TlsContexts() {
    }

    /** A context whose key and trust managers follow {@code state}, so rotation needs no rebuild. */
    public static SSLContext serverContext(TlsState state) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {new RotatingKeyManager(state)},
                new TrustManager[] {new ClientCertVerifier(state)}, null);
        return context;
    }

    /**
     * The handshake parameters the config asks for: protocol range, TLS 1.2 cipher suites (TLS
     * 1.3's stay as the JDK sets them, as in Go), named groups and the client certificate policy.
     */
    public static SSLParameters parameters(SSLContext context, TlsServerConfig config) {
        SSLParameters defaults = context.getSupportedSSLParameters();
        SSLParameters params = new SSLParameters();
        List<String> supported = Arrays.asList(defaults.getProtocols());
        int min = GoTlsNames.PROTOCOLS_IN_ORDER.indexOf(config.minVersion());
        int max = GoTlsNames.PROTOCOLS_IN_ORDER.indexOf(config.maxVersion());
        List<String> protocols = new ArrayList<>();
        for (int i = max; i >= min; i--) {
            String protocol = GoTlsNames.PROTOCOLS_IN_ORDER.get(i);
            if (supported.contains(protocol)) {
                protocols.add(protocol);
            }
        }
        params.setProtocols(protocols.toArray(String[]::new));
        if (!config.cipherSuites().isEmpty()) {
            List<String> suites = new ArrayList<>(config.cipherSuites());
            for (String suite : context.getDefaultSSLParameters().getCipherSuites()) {
                if (GoTlsNames.isTls13Suite(suite)) {
                    suites.add(suite);
                }
            }
            params.setCipherSuites(suites.toArray(String[]::new));
        } else {
            params.setCipherSuites(context.getDefaultSSLParameters().getCipherSuites());
        }
        if (!config.namedGroups().isEmpty()) {
            params.setNamedGroups(config.namedGroups().toArray(String[]::new));
        }
        params.setUseCipherSuitesOrder(true);
        if (config.clientAuth().requires()) {
            params.setNeedClientAuth(true);
        } else if (config.clientAuth().requests()) {
            params.setWantClientAuth(true);
        }
        return params;
    }
}
