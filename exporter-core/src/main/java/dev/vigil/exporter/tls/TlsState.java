package dev.vigil.exporter.tls;

import java.util.concurrent.atomic.AtomicReference;

/** The material current handshakes use; swapped whole when the config or its files change. */
public final class TlsState {
    private final AtomicReference<TlsMaterial> current;

    public TlsState(TlsMaterial initial) {
        this.current = new AtomicReference<>(initial);
    }

    public TlsMaterial get() {
        return current.get();
    }

    public void set(TlsMaterial material) {
        current.set(material);
    }
}
