package dev.autoreply.worker.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * OAuth 2.0 token endpoint on 127.0.0.1 (RFC 6749 section 6, refresh_token grant). It answers
 * every refresh with {@link FakeGmailServer#ACCESS_TOKEN}, so credentials files whose token_uri
 * points here authenticate against the local Gmail and Vertex AI fakes through the real
 * google-auth-library code path.
 */
public final class FakeOAuthTokenServer implements AutoCloseable {

  private final HttpServer server;
  private final List<String> refreshTokens = new CopyOnWriteArrayList<>();

  public FakeOAuthTokenServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fake token endpoint on 127.0.0.1", e);
    }
    server.createContext("/token", this::handle);
    server.start();
  }

  public String tokenUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
  }

  /** Returns an authorized-user credentials JSON, as a tenant's Secret holds, pointing here. */
  public String authorizedUserJson(String refreshToken) {
    return """
        {"type": "authorized_user", "client_id": "autoreply-test.apps.example", \
        "client_secret": "test-client-secret", "refresh_token": "%s", "token_uri": "%s"}
        """.formatted(refreshToken, tokenUri());
  }

  /** Returns the refresh tokens of every token request, in order. */
  public List<String> refreshTokens() {
    return List.copyOf(refreshTokens);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    for (String pair : form.split("&")) {
      if (pair.startsWith("refresh_token=")) {
        refreshTokens.add(URLDecoder.decode(pair.substring("refresh_token=".length()), StandardCharsets.UTF_8));
      }
    }
    byte[] body = ("{\"access_token\": \"" + FakeGmailServer.ACCESS_TOKEN
        + "\", \"expires_in\": 3600, \"token_type\": \"Bearer\"}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
