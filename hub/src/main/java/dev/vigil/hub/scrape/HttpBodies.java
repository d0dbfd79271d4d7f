package dev.vigil.hub.scrape;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** Response bodies of {@link Http1Client}: by Content-Length or chunked, each read under the deadline. */
final class HttpBodies {
    private HttpBodies() {
    }

    /** Sets the socket's read timeout to what is left of the deadline (a timeout once it passed). */
    private static void arm(Socket socket, long deadlineNanos) throws IOException {
        socket.setSoTimeout(Http1Client.remainingMillis(deadlineNanos));
    }

    /** {@code length} bytes (Long.MAX_VALUE: until the server closes). */
    static final class Fixed extends InputStream {
        private final InputStream in;
        private final long deadlineNanos;
        private final Socket socket;
        private long left;

        Fixed(InputStream in, long length, long deadlineNanos, Socket socket) {
            this.in = in;
            this.left = length;
            this.deadlineNanos = deadlineNanos;
            this.socket = socket;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            arm(socket, deadlineNanos);
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

        /** Whether the whole body was read (the connection can serve another request). */
        boolean done() {
            return left == 0;
        }
    }

    /** {@code Transfer-Encoding: chunked}: size lines, data, an empty last chunk and trailers. */
    static final class Chunked extends InputStream {
        private final InputStream in;
        private final long deadlineNanos;
        private final Socket socket;
        private long chunkLeft;
        private boolean done;

        Chunked(InputStream in, long deadlineNanos, Socket socket) {
            this.in = in;
            this.deadlineNanos = deadlineNanos;
            this.socket = socket;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            arm(socket, deadlineNanos);
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

        boolean done() {
            return done;
        }
    }

    /** Whether {@code body} was read to its end. */
    static boolean done(InputStream body) {
        return body instanceof Fixed f ? f.done() : body instanceof Chunked c && c.done();
    }

    static SocketTimeoutException timeout() {
        return new SocketTimeoutException("deadline");
    }
}
