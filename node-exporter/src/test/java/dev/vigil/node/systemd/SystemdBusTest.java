package dev.vigil.node.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.exporter.NoDataException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdBusTest {

    @Test
    void findsTheSocketOfUnixPathAddresses() {
        assertEquals(Path.of("/var/run/dbus/system_bus_socket"), SystemdBus.unixPath(SystemdBus.DEFAULT_SYSTEM_BUS_ADDRESS));
        assertEquals(Path.of("/run/systemd/private"), SystemdBus.unixPath(SystemdBus.PRIVATE_ADDRESS));
        assertEquals(Path.of("/tmp/a b/bus"), SystemdBus.unixPath("unix:guid=0123,path=/tmp/a%20b/bus"));
        assertEquals(Path.of("/tmp/100%zz"), SystemdBus.unixPath("unix:path=/tmp/100%zz"));
        assertNull(SystemdBus.unixPath("unix:abstract=/tmp/dbus-XXXX,guid=0123"));
        assertNull(SystemdBus.unixPath("tcp:host=localhost,port=12345"));
    }

    @Test
    void theSystemPropertyNamesTheBusBeforeTheEnvironment() {
        System.setProperty(SystemdBus.ADDRESS_VARIABLE, " unix:path=/tmp/test-bus ");
        try {
            assertEquals("unix:path=/tmp/test-bus", SystemdBus.systemBusAddress());
        } finally {
            System.clearProperty(SystemdBus.ADDRESS_VARIABLE);
        }
        String env = System.getenv(SystemdBus.ADDRESS_VARIABLE);
        assertEquals(env == null || env.isBlank() ? SystemdBus.DEFAULT_SYSTEM_BUS_ADDRESS : env.strip(),
                SystemdBus.systemBusAddress());
    }

    @Test
    void noSocketIsNoData(@TempDir Path dir) {
        try (SystemdBus bus = new SystemdBus("unix:path=" + dir.resolve("bus"), true, Duration.ofSeconds(1))) {
            NoDataException e = assertThrows(NoDataException.class, bus::connect);
            assertEquals("no D-Bus socket at " + dir.resolve("bus"), e.getMessage());
            assertFalse(bus.isConnected());
        }
    }

    @Test
    void aSocketNobodyListensOnIsNoData(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("bus");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
        }
        // The file stays behind, as after a bus daemon that died.
        assertEquals(true, Files.exists(socket));
        try (SystemdBus bus = new SystemdBus("unix:path=" + socket, true, Duration.ofSeconds(1))) {
            assertThrows(NoDataException.class, bus::connect);
        }
    }

    @Test
    void triesEachAddressInTurn(@TempDir Path dir) {
        try (SystemdBus bus = new SystemdBus("unix:path=" + dir.resolve("a") + ";unix:path=" + dir.resolve("b"), true,
                Duration.ofSeconds(1))) {
            NoDataException e = assertThrows(NoDataException.class, bus::connect);
            assertEquals("no D-Bus socket at " + dir.resolve("b"), e.getMessage());
        }
    }
}
