package dev.vigil.container.runtime;

import java.nio.charset.StandardCharsets;

/** One HTTP response: its status and its whole (de-chunked) body. */
public record HttpAnswer(int status, byte[] body) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
