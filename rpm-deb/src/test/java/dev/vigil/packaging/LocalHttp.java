package dev.vigil.packaging;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Plain HTTP to a packaged binary on a loopback port (the containers share the host's network). */
final class LocalHttp {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private LocalHttp() {}

  /** The body of the first 200 answer holding {@code expected}, within 90 s. */
  static String await(int port, String path, String expected) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(90);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        last = response.statusCode() + " " + response.body();
        if (response.statusCode() == 200 && response.body().contains(expected)) {
          return response.body();
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("127.0.0.1:" + port + path + " did not answer with " + expected + ": "
        + last.substring(0, Math.min(last.length(), 2000)));
  }

  /** Whether a connection to the port is refused (nothing listens). */
  static boolean refused(int port) throws InterruptedException {
    try {
      HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding());
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
