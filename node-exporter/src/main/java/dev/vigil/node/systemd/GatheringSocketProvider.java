package dev.vigil.node.systemd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import org.freedesktop.dbus.messages.Message;
import org.freedesktop.dbus.spi.message.IMessageReader;
import org.freedesktop.dbus.spi.message.IMessageWriter;
import org.freedesktop.dbus.spi.message.ISocketProvider;
import org.freedesktop.dbus.spi.message.InputStreamMessageReader;

/**
 * dbus-java's message reader and writer, with a writer that sends each message in one write.
 * dbus-java's own writer makes one system call per marshalled fragment: some 37 for a 225-byte
 * {@code Properties.Get}, which made sending most of the collector's cost. Registered through
 * dbus-java's {@link ISocketProvider} service interface; unix file descriptors are not passed
 * (the collector sends none).
 */
public final class GatheringSocketProvider implements ISocketProvider {

    @Override
    public IMessageReader createReader(SocketChannel channel) {
        return new InputStreamMessageReader(channel);
    }

    @Override
    public IMessageWriter createWriter(SocketChannel channel) {
        return new Writer(channel);
    }

    @Override
    public void setFileDescriptorSupport(boolean support) {
        // Never passes descriptors.
    }

    @Override
    public boolean isFileDescriptorPassingSupported() {
        return false;
    }

    /** Copies a message's fragments into one buffer, reused from message to message, and writes it. */
    static final class Writer implements IMessageWriter {
        private final SocketChannel channel;
        private ByteBuffer buffer = ByteBuffer.allocateDirect(4096);

        Writer(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public synchronized void writeMessage(Message message) throws IOException {
            byte[][] fragments = message.getWireData();
            if (fragments == null) {
                return;
            }
            int size = 0;
            for (byte[] fragment : fragments) {
                if (fragment != null) {
                    size += fragment.length;
                }
            }
            if (buffer.capacity() < size) {
                buffer = ByteBuffer.allocateDirect(Math.max(size, buffer.capacity() * 2));
            }
            buffer.clear();
            for (byte[] fragment : fragments) {
                if (fragment != null) {
                    buffer.put(fragment);
                }
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }

        @Override
        public boolean isClosed() {
            return !channel.isOpen();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
