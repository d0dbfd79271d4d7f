package dev.vigil.exporter.webconfig;

import java.util.Optional;

/** The five {@code client_auth_type} policies of Go's crypto/tls, under the toolkit's names. */
public enum ClientAuth {
    NO_CLIENT_CERT("NoClientCert", false, false, false),
    REQUEST_CLIENT_CERT("RequestClientCert", true, false, false),
    REQUIRE_ANY_CLIENT_CERT("RequireAnyClientCert", true, true, false),
    VERIFY_CLIENT_CERT_IF_GIVEN("VerifyClientCertIfGiven", true, false, true),
    REQUIRE_AND_VERIFY_CLIENT_CERT("RequireAndVerifyClientCert", true, true, true);

    private final String configName;
    private final boolean requests;
    private final boolean requires;
    private final boolean verifies;

    ClientAuth(String configName, boolean requests, boolean requires, boolean verifies) {
        this.configName = configName;
        this.requests = requests;
        this.requires = requires;
        this.verifies = verifies;
    }

    public String configName() {
        return configName;
    }

    /** Whether the server asks the client for a certificate. */
    public boolean requests() {
        return requests;
    }

    /** Whether a handshake without a client certificate fails. */
    public boolean requires() {
        return requires;
    }

    /** Whether a given certificate must chain to the client CA and be within its validity. */
    public boolean verifies() {
        return verifies;
    }

    /** Parses a config value; "" means NoClientCert and "RequireClientCert" is the toolkit's old alias. */
    public static Optional<ClientAuth> parse(String value) {
        if (value.isEmpty()) {
            return Optional.of(NO_CLIENT_CERT);
        }
        if (value.equals("RequireClientCert")) {
            return Optional.of(REQUIRE_ANY_CLIENT_CERT);
        }
        for (ClientAuth auth : values()) {
            if (auth.configName.equals(value)) {
                return Optional.of(auth);
            }
        }
        return Optional.empty();
    }
}
