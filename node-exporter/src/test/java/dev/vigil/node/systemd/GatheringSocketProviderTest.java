package dev.vigil.node.systemd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.freedesktop.dbus.messages.Message;
import org.freedesktop.dbus.messages.MessageFactory;
import org.freedesktop.dbus.spi.message.IMessageWriter;
import org.freedesktop.dbus.spi.message.ISocketProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatheringSocketProviderTest {

    @Test
    void dbusJavaFindsIt() {
        assertTrue(ServiceLoader.load(ISocketProvider.class).stream()
                .anyMatch(p -> p.type() == GatheringSocketProvider.class));
    }

    @Test
    void writesEachMessageWhole(@TempDir Path dir) throws Exception {
        MessageFactory factory = new MessageFactory((byte) 'l');
        Message small = factory.createMethodCall("org.freedesktop.systemd1", "/org/freedesktop/systemd1/unit/ssh_2eservice",
                "org.freedesktop.DBus.Properties", "Get", (byte) 0, "ss", "org.freedesktop.systemd1.Service", "Type");
        // Bigger than the writer's first buffer, so it must grow.
        Message large = factory.createMethodCall("org.freedesktop.systemd1", "/org/freedesktop/systemd1",
                "org.freedesktop.DBus.Properties", "Get", (byte) 0, "ss", "x".repeat(10_000), "y");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (Message message : new Message[] {small, large, small}) {
            for (byte[] fragment : message.getWireData()) {
                if (fragment != null) {
                    expected.write(fragment);
                }
            }
        }

        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("sock"));
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(address);
            try (SocketChannel client = SocketChannel.open(address); SocketChannel peer = server.accept()) {
                IMessageWriter writer = new GatheringSocketProvider().createWriter(client);
                writer.writeMessage(small);
                writer.writeMessage(large);
                writer.writeMessage(small);
                assertFalse(writer.isClosed());

                ByteBuffer received = ByteBuffer.allocate(expected.size());
                while (received.hasRemaining()) {
                    peer.read(received);
                }
                assertArrayEquals(expected.toByteArray(), received.array());
                writer.close();
                assertTrue(writer.isClosed());
                assertEquals(-1, peer.read(ByteBuffer.allocate(1)));
            }
        }
    }
}
