package dev.vigil.hub.ui;

import io.helidon.webserver.http.HttpRouting;

/** Placeholder: this part of the UI's API is being written (hub UI issue). */
final class DiscoveryApi {
    private final UiFacts facts;

    DiscoveryApi(UiFacts facts) {
        this.facts = facts;
    }

    void routes(HttpRouting.Builder routing) {
    }
}
