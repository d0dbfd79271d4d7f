package dev.vigil.hub.scrape;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/** Response bodies of {@link Http1Client}: by Content-Length or chunked, each read under the deadline. */
final class HttpBodies {
    private HttpBodies() {
    }

    /** A body read from a connection's stream, each read bounded by what is left of the deadline. */
    abstract static class Body extends InputStream {
        final InputStream in;
        private final long deadlineNanos;
        private final Socket socket;

        Body(InputStream in, long deadlineNanos, Socket socket) {
            this.in = in;
            this.deadlineNanos = deadlineNanos;
            this.socket = socket;
        }

        /** Sets the socket's read timeout to what is left of the deadline (a timeout once it passed). */
        final void arm() throws IOException {
            socket.setSoTimeout(Http1Client.remainingMillis(deadlineNanos));
        }

        @Override
        public final int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        /** Whether the whole body was read (the connection can serve another request). */
        abstract boolean done();
    }

    /** {@code length} bytes (Long.MAX_VALUE: until the server closes). */
    static final class Fixed extends Body {
        private long left;

        Fixed(InputStream in, long length, long deadlineNanos, Socket socket) {
            super(in, deadlineNanos, socket);
            this.left = length;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            arm();
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                if (left != Long.MAX_VALUE) {
                    throw new IOException("unexpected EOF");
                }
                left = 0;
                return -1;
            }
            if (left != Long.MAX_VALUE) {
                left -= n;
            }
            return n;
        }

        @Override
        boolean done() {
            return left == 0;
        }
    }

    /** {@code Transfer-Encoding: chunked}: size lines, data, an empty last chunk and trailers. */
    static final class Chunked extends Body {
        private long chunkLeft;
        private boolean done;

        Chunked(InputStream in, long deadlineNanos, Socket socket) {
            super(in, deadlineNanos, socket);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            arm();
            if (chunkLeft == 0) {
                chunkLeft = chunkSize();
                if (chunkLeft == 0) {
                    while (!line().isEmpty()) {
                        // trailers, ignored
                    }
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, chunkLeft));
            if (n < 0) {
                throw new IOException("unexpected EOF");
            }
            chunkLeft -= n;
            if (chunkLeft == 0 && !line().isEmpty()) {
                throw new IOException("malformed chunked encoding");
            }
            return n;
        }

        private long chunkSize() throws IOException {
            String line = line();
            int semicolon = line.indexOf(';');
            String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
            try {
                long size = Long.parseLong(hex, 16);
                if (size < 0) {
                    throw new NumberFormatException();
                }
                return size;
            } catch (NumberFormatException e) {
                throw new IOException("malformed chunked encoding");
            }
        }

        private String line() throws IOException {
            StringBuilder out = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (out.length() > 4096) {
                    throw new IOException("malformed chunked encoding");
                }
                if (c != '\r') {
                    out.append((char) c);
                }
            }
            if (c < 0) {
                throw new IOException("unexpected EOF");
            }
            return out.toString();
        }

        @Override
        boolean done() {
            return done;
        }
    }
}
