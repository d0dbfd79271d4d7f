package dev.vigil.hub.remote;

import dev.vigil.storage.Appender;
import dev.vigil.storage.SampleRejectedException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * {@code POST /api/v1/write}, as Prometheus' receiver: snappy-compressed protobuf in, all samples
 * appended in one batch (WAL first), {@code 204} when acknowledged. A sample the head refuses (out
 * of order, duplicate, out of bounds) fails the whole request with {@code 400} so the sender does
 * not retry it; a storage error is {@code 500} (the sender retries); a malformed or oversized body
 * is {@code 400} / {@code 413}.
 */
public final class RemoteWriteHandler implements Handler {
    private static final Logger LOG = Logger.getLogger(RemoteWriteHandler.class.getName());
    /** Compressed and decompressed size limits: far above what a sender batches (a few MB). */
    static final int MAX_COMPRESSED = 32 << 20;
    static final int MAX_DECOMPRESSED = 128 << 20;

    private final Supplier<Appender> appenders;

    public RemoteWriteHandler(Supplier<Appender> appenders) {
        this.appenders = appenders;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        byte[] compressed;
        try (InputStream body = req.content().inputStream()) {
            compressed = body.readNBytes(MAX_COMPRESSED + 1);
        } catch (IOException e) {
            error(res, Status.BAD_REQUEST_400, "reading the request: " + e.getMessage());
            return;
        }
        if (compressed.length > MAX_COMPRESSED) {
            error(res, Status.REQUEST_ENTITY_TOO_LARGE_413, "request body larger than " + MAX_COMPRESSED + " bytes");
            return;
        }
        List<WriteRequestDecoder.Series> series;
        try {
            series = WriteRequestDecoder.decodeSnappy(compressed, compressed.length, MAX_DECOMPRESSED);
        } catch (WriteRequestDecoder.TooLargeException e) {
            error(res, Status.REQUEST_ENTITY_TOO_LARGE_413, e.getMessage());
            return;
        } catch (IOException e) {
            error(res, Status.BAD_REQUEST_400, e.getMessage());
            return;
        }
        Appender app = appenders.get();
        try {
            for (WriteRequestDecoder.Series s : series) {
                long ref = 0;
                for (int i = 0; i < s.timestamps().length; i++) {
                    ref = app.append(ref, s.labels(), s.timestamps()[i], s.values()[i]);
                }
            }
            app.commit();
        } catch (SampleRejectedException e) {
            app.rollback();
            error(res, Status.BAD_REQUEST_400, e.getMessage());
            return;
        } catch (IOException e) {
            app.rollback();
            LOG.warning(() -> "remote write: cannot store the request: " + e.getMessage());
            error(res, Status.INTERNAL_SERVER_ERROR_500, e.getMessage());
            return;
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    private static void error(ServerResponse res, Status status, String message) {
        res.status(status).header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8").send(message + "\n");
    }
}
